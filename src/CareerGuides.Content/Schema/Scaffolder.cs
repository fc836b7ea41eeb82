using System.Globalization;
using System.Text;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Schema;

/// <summary>
/// Writes ready-to-fill content files with every field present and commented, generated from the front-matter
/// classes. The files are valid as written and start as drafts, so nothing half-written reaches the live site.
/// </summary>
public static class Scaffolder
{
    /// <summary>A new guide between two roles.</summary>
    public static string Guide(string fromSlug, string toSlug, DateOnly today)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["from"] = fromSlug,
            ["to"] = toSlug,
            ["published"] = Date(today),
            ["updated"] = Date(today),
            ["draft"] = "true",
        };
        var builder = new StringBuilder("---\n");
        AppendFields(builder, typeof(GuideFrontMatter), values, "", 0);
        builder.Append("---\n");
        foreach (var heading in GuideReader.SectionHeadings)
        {
            builder.Append(CultureInfo.InvariantCulture, $"## {heading}\n\nTODO: write this section.\n\n");
        }

        return builder.ToString();
    }

    /// <summary>A new role.</summary>
    public static string Role(string slug, DateOnly today)
    {
        var title = CultureInfo.GetCultureInfo("en-GB").TextInfo.ToTitleCase(slug.Replace('-', ' '));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["salary_source.reviewed"] = Date(today),
            ["draft"] = "true",
        };
        var builder = new StringBuilder("---\n");
        AppendFields(builder, typeof(RoleFrontMatter), values, "", 0);
        builder.Append("---\nTODO: write the role's overview: what the job is, where people do it, what employers look for.\n");
        return builder.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AppendFields(StringBuilder builder, Type type, Dictionary<string, string> values, string prefix, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var field in FieldShape.Of(type))
        {
            var path = prefix + field.YamlName;
            builder.Append(CultureInfo.InvariantCulture, $"{pad}# {field.Attribute.Description} ({(field.Required ? "required" : "optional")})\n");
            if (values.TryGetValue(path, out var given))
            {
                builder.Append(CultureInfo.InvariantCulture, $"{pad}{field.YamlName}: {given}\n");
            }
            else if (!field.Required)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{pad}# {field.YamlName}: {field.Attribute.Example}\n");
            }
            else if (field.Kind == FieldKind.Map)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{pad}{field.YamlName}:\n");
                AppendFields(builder, field.ValueType, values, path + ".", indent + 2);
            }
            else if (field.Kind == FieldKind.List && FieldShape.KindOf(field.ItemType!) == FieldKind.Map)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{pad}{field.YamlName}:\n");
                for (var i = 0; i < Math.Max(1, field.Attribute.MinItems); i++)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"{pad}  -\n");
                    AppendFields(builder, field.ItemType!, values, path + "[].", indent + 4);
                }
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"{pad}{field.YamlName}: {Placeholder(field)}\n");
            }
        }
    }

    private static string Placeholder(FieldShape field) => field.Kind switch
    {
        FieldKind.Text => $"\"TODO: {field.Attribute.Description.TrimEnd('.').Replace("\"", "'", StringComparison.Ordinal)}\"",
        _ => field.Attribute.Example ?? throw new InvalidOperationException($"Field '{field.YamlName}' needs an Example to be scaffolded."),
    };
}
