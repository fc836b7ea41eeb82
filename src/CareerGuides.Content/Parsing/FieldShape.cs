using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace CareerGuides.Content.Parsing;

/// <summary>What kind of YAML value a front-matter field takes.</summary>
public enum FieldKind
{
    Text,
    WholeNumber,
    Boolean,
    Date,
    Choice,
    WebAddress,
    List,
    Map,
}

/// <summary>One field of a front-matter type, read once from its property and <see cref="FieldAttribute"/>.</summary>
public sealed class FieldShape
{
    private FieldShape(PropertyInfo property, FieldAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
        YamlName = ToSnakeCase(property.Name);
        ValueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(List<>))
        {
            Kind = FieldKind.List;
            ItemType = ValueType.GetGenericArguments()[0];
            ItemKind = KindOf(ItemType);
        }
        else
        {
            Kind = KindOf(ValueType);
        }
    }

    public PropertyInfo Property { get; }

    public FieldAttribute Attribute { get; }

    /// <summary>The key editors write, in snake_case.</summary>
    public string YamlName { get; }

    /// <summary>The property's type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    public FieldKind Kind { get; }

    /// <summary>For lists, the type of each item.</summary>
    public Type? ItemType { get; }

    /// <summary>For lists, the kind of each item.</summary>
    public FieldKind ItemKind { get; }

    public bool Required => Attribute.Required;

    /// <summary>How the kind is named to editors in messages and the field reference.</summary>
    public static string DescribeKind(FieldKind kind, Type type) => kind switch
    {
        FieldKind.Text => "text",
        FieldKind.WholeNumber => "a whole number",
        FieldKind.Boolean => "true or false",
        FieldKind.Date => "a date (YYYY-MM-DD)",
        FieldKind.Choice => "one of: " + string.Join(", ", ChoiceNames(type)),
        FieldKind.WebAddress => "a web address (https://...)",
        FieldKind.List => "a list",
        _ => "a map of fields (" + string.Join(", ", Of(type).Select(f => f.YamlName)) + ")",
    };

    /// <summary>The names editors write for an enum's values: lower case.</summary>
    public static IEnumerable<string> ChoiceNames(Type enumType) =>
        Enum.GetNames(enumType).Select(ToSnakeCase);

    public static FieldKind KindOf(Type type) =>
        type == typeof(string) ? FieldKind.Text
        : type == typeof(int) ? FieldKind.WholeNumber
        : type == typeof(bool) ? FieldKind.Boolean
        : type == typeof(DateOnly) ? FieldKind.Date
        : type == typeof(Uri) ? FieldKind.WebAddress
        : type.IsEnum ? FieldKind.Choice
        : FieldKind.Map;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FieldShape>> Cache = new();

    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, object>> Choices = new();

    /// <summary>The enum value an editor's lower-case name stands for (<c>straightforward</c>), or null.</summary>
    public static object? Choice(Type enumType, string name) =>
        Choices.GetOrAdd(enumType, static t => Enum.GetNames(t)
                .ToFrozenDictionary(ToSnakeCase, n => Enum.Parse(t, n), StringComparer.Ordinal))
            .GetValueOrDefault(name);

    /// <summary>The fields of a front-matter type, in declaration order.</summary>
    public static IReadOnlyList<FieldShape> Of(Type type) => Cache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<FieldAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new FieldShape(p.Property, p.Attribute!))
            .ToArray());

    /// <summary><c>TimelineMonths</c> becomes <c>timeline_months</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
