using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CareerGuides.Web.Seo.Schema;

namespace CareerGuides.Web.Seo;

/// <summary>
/// Serialises schema.org nodes for a <c>&lt;script type="application/ld+json"&gt;</c> element. The text is always
/// produced by System.Text.Json from a typed model, never by concatenation, and its encoder escapes the HTML-sensitive
/// characters (<c>&lt; &gt; &amp; ' "</c>) as <c>\u003C</c> and so on, so content holding "&lt;/script&gt;" or
/// "&lt;!--" cannot end the element early. Other characters (£, –, accented letters) are written as they are.
/// </summary>
internal static class JsonLd
{
    public const string SchemaOrg = "https://schema.org";

    // The metadata, naming and null handling come from the source generator (SchemaJsonContext) rather than
    // reflection: a first start spent tens of milliseconds of its first answer building the metadata by reflection and
    // compiling its accessors. Only the encoder is added here.
    private static readonly JsonSerializerOptions Options = new(SchemaJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The node as a top-level JSON-LD document, with its <c>@context</c>.</summary>
    public static string Serialize(Thing node) => JsonSerializer.Serialize(node with { Context = SchemaOrg }, node.GetType(), Options);
}

/// <summary>The schema.org model's serialisation metadata, generated at build time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(WebSite))]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(BreadcrumbList))]
[JsonSerializable(typeof(ListItem))]
[JsonSerializable(typeof(FaqPage))]
[JsonSerializable(typeof(Question))]
[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(Occupation))]
[JsonSerializable(typeof(WebPage))]
[JsonSerializable(typeof(Country))]
[JsonSerializable(typeof(MonetaryAmountDistribution))]
internal sealed partial class SchemaJsonContext : JsonSerializerContext;
