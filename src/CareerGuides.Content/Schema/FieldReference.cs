using System.Globalization;
using System.Text;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Schema;

/// <summary>
/// The editors' field reference tables in docs/content.md, generated from the front-matter classes, so the
/// documentation lists exactly the fields the site reads.
/// </summary>
public static class FieldReference
{
    /// <summary>The markers around each generated table in docs/content.md.</summary>
    public static string StartMarker(string kind) => $"<!-- generated:{kind}-fields (run: dotnet run --project src/CareerGuides.Cli -- schema) -->";

    public const string EndMarker = "<!-- /generated -->";

    /// <summary>The generated tables: "role" and "guide".</summary>
    public static IReadOnlyList<(string Kind, Type Type)> Kinds { get; } =
        [("role", typeof(RoleFrontMatter)), ("guide", typeof(GuideFrontMatter))];

    /// <summary>A Markdown table of every field of a front-matter type, nested fields included.</summary>
    public static string Table(Type type)
    {
        var builder = new StringBuilder();
        builder.Append("| field | type | required | meaning | example |\n");
        builder.Append("|---|---|---|---|---|\n");
        AppendRows(builder, type, "");
        return builder.ToString();
    }

    private static void AppendRows(StringBuilder builder, Type type, string prefix)
    {
        foreach (var field in FieldShape.Of(type))
        {
            var path = prefix + field.YamlName;
            var kind = field.Kind == FieldKind.List
                ? FieldShape.KindOf(field.ItemType!) == FieldKind.Map ? "list of maps" : $"list of {FieldShape.DescribeKind(FieldShape.KindOf(field.ItemType!), field.ItemType!)}"
                : field.Kind == FieldKind.Map ? "map" : FieldShape.DescribeKind(field.Kind, field.ValueType);
            var limits = field.Kind == FieldKind.List && (field.Attribute.MinItems > 0 || field.Attribute.MaxItems > 0)
                ? $" ({field.Attribute.MinItems}–{field.Attribute.MaxItems} items)"
                : "";
            var example = field.Attribute.Example is { } e ? $"`{e}`" : "";
            builder.Append(CultureInfo.InvariantCulture, $"| `{path}` | {kind}{limits} | {(field.Required ? "yes" : "no")} | {Escape(field.Attribute.Description)} | {Escape(example)} |\n");

            if (field.Kind == FieldKind.Map)
            {
                AppendRows(builder, field.ValueType, path + ".");
            }
            else if (field.Kind == FieldKind.List && FieldShape.KindOf(field.ItemType!) == FieldKind.Map)
            {
                AppendRows(builder, field.ItemType!, path + "[].");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Replaces the generated tables in the text of docs/content.md; returns the new text.</summary>
    /// <exception cref="InvalidOperationException">A marker is missing.</exception>
    public static string UpdateDocument(string document)
    {
        foreach (var (kind, type) in Kinds)
        {
            var start = document.IndexOf(StartMarker(kind), StringComparison.Ordinal);
            var end = start < 0 ? -1 : document.IndexOf(EndMarker, start, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                throw new InvalidOperationException($"docs/content.md has no '{StartMarker(kind)}' ... '{EndMarker}' block.");
            }

            var bodyStart = start + StartMarker(kind).Length;
            document = document[..bodyStart] + "\n" + Table(type) + document[end..];
        }

        return document;
    }
}
