namespace CareerGuides.Content.Parsing;

/// <summary>
/// Describes a front-matter field for editors. The binder, the validator's messages, the JSON Schema and the
/// field reference are all read from these attributes, so a field is described in exactly one place.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldAttribute(string description) : Attribute
{
    /// <summary>What the field means, written for editors.</summary>
    public string Description { get; } = description;

    /// <summary>Whether the field must be present (and, for text, not blank).</summary>
    public bool Required { get; init; }

    /// <summary>For lists: the fewest items allowed (0 means no lower limit).</summary>
    public int MinItems { get; init; }

    /// <summary>For lists: the most items allowed (0 means no upper limit).</summary>
    public int MaxItems { get; init; }

    /// <summary>An example value, written as it would appear in YAML.</summary>
    public string? Example { get; init; }
}
