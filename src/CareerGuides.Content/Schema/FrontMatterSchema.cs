using System.Text.Json;
using System.Text.Json.Nodes;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Schema;

/// <summary>
/// JSON Schemas (draft 2020-12) of the two front-matter kinds, generated from the same C# classes and
/// <see cref="FieldAttribute"/>s that the loader binds, so the schema can never disagree with the site.
/// Editors' tools (e.g. VS Code with the YAML extension) can use them for completion and checks.
/// </summary>
public static class FrontMatterSchema
{
    /// <summary>The schemas that ship in docs/schema/: file name and front-matter type.</summary>
    public static IReadOnlyList<(string FileName, string Title, Type Type)> Kinds { get; } =
    [
        ("role.schema.json", "CareerGuides role front matter (content/roles/<slug>.md)", typeof(RoleFrontMatter)),
        ("guide.schema.json", "CareerGuides guide front matter (content/guides/<from>-to-<to>.md)", typeof(GuideFrontMatter)),
    ];

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema of one front-matter type as indented JSON, ending with a newline.</summary>
    public static string Generate(string fileName, string title, Type type)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://careerguides.example/schema/{fileName}",
            ["title"] = title,
        };
        foreach (var (key, value) in ObjectSchema(type))
        {
            schema[key] = value?.DeepClone();
        }

        return schema.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject ObjectSchema(Type type)
    {
        var fields = FieldShape.Of(type);
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var property = ValueSchema(field.Kind, field.ValueType, field.ItemType, field.Attribute);
            property["description"] = field.Attribute.Description;
            properties[field.YamlName] = property;
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        var required = fields.Where(f => f.Required).Select(f => (JsonNode?)f.YamlName).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        return schema;
    }

    private static JsonObject ValueSchema(FieldKind kind, Type type, Type? itemType, FieldAttribute attribute)
    {
        switch (kind)
        {
            case FieldKind.List:
                var list = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = ValueSchema(FieldShape.KindOf(itemType!), itemType!, null, attribute),
                };
                if (attribute.MinItems > 0)
                {
                    list["minItems"] = attribute.MinItems;
                }

                if (attribute.MaxItems > 0)
                {
                    list["maxItems"] = attribute.MaxItems;
                }

                return list;
            case FieldKind.Map:
                return ObjectSchema(type);
            case FieldKind.Text:
                return new JsonObject { ["type"] = "string", ["minLength"] = 1 };
            case FieldKind.WholeNumber:
                return new JsonObject { ["type"] = "integer" };
            case FieldKind.Boolean:
                return new JsonObject { ["type"] = "boolean" };
            case FieldKind.Date:
                return new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^\\d{4}-\\d{2}-\\d{2}$" };
            case FieldKind.WebAddress:
                return new JsonObject { ["type"] = "string", ["format"] = "uri", ["pattern"] = "^https?://" };
            default:
                return new JsonObject { ["enum"] = new JsonArray([.. FieldShape.ChoiceNames(type).Select(n => (JsonNode?)n)]) };
        }
    }
}
