using System.Collections;
using System.Globalization;
using CareerGuides.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerGuides.Content.Parsing;

/// <summary>
/// Binds a YAML document read by YamlDotNet to a front-matter type, reporting every problem it finds (not just the
/// first) with the line and column of the offending key or value in the file itself.
/// </summary>
public sealed class FrontMatterBinder
{
    private readonly DiagnosticBag _diagnostics;
    private readonly int _lineOffset;
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="lineOffset">How many lines of the file come before the YAML's first line.</param>
    public FrontMatterBinder(DiagnosticBag diagnostics, int lineOffset)
    {
        _diagnostics = diagnostics;
        _lineOffset = lineOffset;
    }

    /// <summary>Where each bound field's value stands, by its path (<c>timeline_months.min</c>, <c>faqs[2].answer</c>).</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>The location of a field's value, or of the nearest enclosing field that has one.</summary>
    public SourceLocation Locate(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_locations.TryGetValue(p, out var at))
            {
                return at;
            }

            if (p.Length == 0)
            {
                return new SourceLocation(_lineOffset + 1, 1);
            }
        }
    }

    /// <summary>Binds <paramref name="root"/>; returns null when any error was reported.</summary>
    public T? Bind<T>(YamlNode root)
        where T : class
    {
        var errorsBefore = _diagnostics.Items.Count(d => d.IsError);
        _locations[""] = At(root.Start);
        var value = BindMap(root, typeof(T), "", "the front matter");
        return _diagnostics.Items.Count(d => d.IsError) == errorsBefore ? (T?)value : null;
    }

    private SourceLocation At(Mark mark) => new((int)mark.Line + _lineOffset, (int)mark.Column);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private object? BindMap(YamlNode node, Type type, string path, string what)
    {
        var fields = FieldShape.Of(type);
        if (node is not YamlMappingNode map)
        {
            _diagnostics.Error(At(node.Start), DiagnosticCodes.WrongType,
                $"{Describe(what)} must be {FieldShape.DescribeKind(FieldKind.Map, type)}, but is {KindOfNode(node)}.",
                NullIfEmpty(path),
                $"Write each field on its own line, indented under '{Last(path)}', as 'name: value'.");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = Find(fields, key);
            var fieldPath = Join(path, key);
            if (field is null)
            {
                var suggestion = Suggest(key, fields.Select(f => f.YamlName));
                _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.UnknownField,
                    $"Unknown field '{fieldPath}'.",
                    fieldPath,
                    suggestion is null
                        ? $"The fields allowed here are: {string.Join(", ", fields.Select(f => f.YamlName))}."
                        : $"Did you mean '{suggestion}'? The fields allowed here are: {string.Join(", ", fields.Select(f => f.YamlName))}.");
                continue;
            }

            if (!seen.Add(key))
            {
                _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.DuplicateField,
                    $"Field '{fieldPath}' is given more than once.", fieldPath, "Keep one of them and delete the others.");
                continue;
            }

            _locations[fieldPath] = At(valueNode.Start);
            if (IsNull(valueNode))
            {
                if (field.Required)
                {
                    _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.MissingField,
                        $"Required field '{fieldPath}' is empty.", fieldPath,
                        $"Give it a value: {field.Attribute.Description}");
                }

                continue;
            }

            var value = BindValue(valueNode, field, fieldPath);
            if (value is not null)
            {
                field.Property.SetValue(instance, value);
            }
        }

        foreach (var field in fields.Where(f => f.Required && !seen.Contains(f.YamlName)))
        {
            var fieldPath = Join(path, field.YamlName);
            _diagnostics.Error(At(map.Start), DiagnosticCodes.MissingField,
                $"Required field '{fieldPath}' is missing.", fieldPath,
                $"Add '{field.YamlName}:' {(path.Length == 0 ? "to the front matter" : $"under '{Last(path)}'")}: {field.Attribute.Description}");
        }

        return instance;
    }

    // A loop rather than FirstOrDefault with a lambda: this runs for every key of every file (a closure each).
    private static FieldShape? Find(IReadOnlyList<FieldShape> fields, string key)
    {
        foreach (var field in fields)
        {
            if (field.YamlName == key)
            {
                return field;
            }
        }

        return null;
    }

    private object? BindValue(YamlNode node, FieldShape field, string path)
    {
        if (field.Kind == FieldKind.List)
        {
            return BindList(node, field, path);
        }

        return field.Kind == FieldKind.Map
            ? BindMap(node, field.ValueType, path, $"'{path}'")
            : BindScalar(node, field.Kind, field.ValueType, path);
    }

    private IList? BindList(YamlNode node, FieldShape field, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(At(node.Start), DiagnosticCodes.WrongType,
                $"'{path}' must be a list, but is {KindOfNode(node)}.", path,
                "Start each item on its own line with '- ', indented under the field name.");
            return null;
        }

        var list = (IList)Activator.CreateInstance(field.ValueType)!;
        var itemKind = FieldShape.KindOf(field.ItemType!);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{path}[{i}]";
            _locations[itemPath] = At(item.Start);
            var value = itemKind == FieldKind.Map
                ? BindMap(item, field.ItemType!, itemPath, $"Item {i + 1} of '{path}'")
                : BindScalar(item, itemKind, field.ItemType!, itemPath);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        var (min, max) = (field.Attribute.MinItems, field.Attribute.MaxItems);
        if ((min > 0 && sequence.Children.Count < min) || (max > 0 && sequence.Children.Count > max))
        {
            _diagnostics.Error(At(node.Start), DiagnosticCodes.ListLength,
                $"'{path}' has {sequence.Children.Count} item{(sequence.Children.Count == 1 ? "" : "s")}, but needs {(max > 0 ? $"{min} to {max}" : $"at least {min}")}.",
                path,
                sequence.Children.Count < min ? "Add the missing items." : "Keep the most useful ones and remove the rest.");
        }

        return list;
    }

    private object? BindScalar(YamlNode node, FieldKind kind, Type type, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            _diagnostics.Error(At(node.Start), DiagnosticCodes.WrongType,
                $"'{path}' must be {FieldShape.DescribeKind(kind, type)}, but is {KindOfNode(node)}.", path,
                kind == FieldKind.Text ? "Put the text on the same line as the field name, in quotes if it contains ': ', or use '|' for a block." : "Write a single value after the field name.");
            return null;
        }

        var text = (scalar.Value ?? "").Trim();
        object? value = kind switch
        {
            FieldKind.Text => text.Length > 0 ? text : null,
            FieldKind.WholeNumber => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
            FieldKind.Boolean => text is "true" or "false" ? text == "true" : null,
            FieldKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            FieldKind.Choice => Enum.GetNames(type).FirstOrDefault(n => FieldShape.ToSnakeCase(n) == text) is { } name ? Enum.Parse(type, name) : null,
            FieldKind.WebAddress => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null,
            _ => null,
        };

        if (value is null)
        {
            _diagnostics.Error(At(node.Start),
                kind == FieldKind.Text ? DiagnosticCodes.MissingField : DiagnosticCodes.WrongType,
                kind == FieldKind.Text
                    ? $"Required field '{path}' is empty."
                    : $"'{path}' must be {FieldShape.DescribeKind(kind, type)}, but is '{Shorten(text)}'.",
                path,
                HintFor(kind, type, text));
        }

        return value;
    }

    private static string HintFor(FieldKind kind, Type type, string text) => kind switch
    {
        FieldKind.WholeNumber when text.Contains('£') || text.Contains(',') => "Write the number without '£' or commas, e.g. 50000.",
        FieldKind.WholeNumber => "Write digits only, e.g. 12.",
        FieldKind.Boolean => "Write true or false, in lower case.",
        FieldKind.Date => "Write the date as YYYY-MM-DD, e.g. 2026-03-02.",
        FieldKind.Choice => Suggest(text, FieldShape.ChoiceNames(type)) is { } s
            ? $"Did you mean '{s}'? Allowed values: {string.Join(", ", FieldShape.ChoiceNames(type))}."
            : $"Allowed values: {string.Join(", ", FieldShape.ChoiceNames(type))}.",
        FieldKind.WebAddress => "Write a full address starting with https://.",
        _ => "Write some text after the field name.",
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static string KindOfNode(YamlNode node) => node switch
    {
        YamlMappingNode => "a map of fields",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"the value '{Shorten(s.Value ?? "")}'",
        _ => "something else",
    };

    // Cut between characters, never inside a surrogate pair (half an emoji would print as a replacement mark).
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..(char.IsHighSurrogate(text[36]) ? 36 : 37)] + "...";

    private static string Describe(string what) => what.Length > 0 ? char.ToUpperInvariant(what[0]) + what[1..] : what;

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string? NullIfEmpty(string path) => path.Length == 0 ? null : path;

    /// <summary>The closest of <paramref name="candidates"/> to a misspelt word, if any is close enough.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        static string Key(string s) => s.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        var key = Key(word);
        return candidates
            .Select(c => (Candidate: c, Distance: Levenshtein(key, Key(c))))
            .Where(x => x.Distance <= Math.Max(2, x.Candidate.Length / 3))
            .OrderBy(x => x.Distance)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
