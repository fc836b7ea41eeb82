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
    private YamlNode? _root;
    private Type? _rootType;

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="lineOffset">How many lines of the file come before the YAML's first line.</param>
    public FrontMatterBinder(DiagnosticBag diagnostics, int lineOffset)
    {
        _diagnostics = diagnostics;
        _lineOffset = lineOffset;
    }

    /// <summary>
    /// The location of a field's value (<c>timeline_months.min</c>, <c>faqs[2].answer</c>), or of the nearest
    /// enclosing field that has one. Found in the YAML when asked, so a file that binds without a problem builds no
    /// field paths at all (building them for every value was a third of the binding's time and half its allocations).
    /// </summary>
    public SourceLocation Locate(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (Find(p) is { } at)
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
        var errorsBefore = ErrorCount();
        (_root, _rootType) = (root, typeof(T));
        var value = BindMap(root, typeof(T), null);
        return ErrorCount() == errorsBefore ? (T?)value : null;
    }

    private int ErrorCount()
    {
        var count = 0;
        foreach (var item in _diagnostics.Items)
        {
            count += item.IsError ? 1 : 0;
        }

        return count;
    }

    private SourceLocation At(Mark mark) => new((int)mark.Line + _lineOffset, (int)mark.Column);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>
    /// Where the value at <paramref name="path"/> stands, if binding reached it: a known field of a map, or an item
    /// of a list field, the first time its key is given.
    /// </summary>
    private SourceLocation? Find(string path)
    {
        if (_root is null)
        {
            return null;
        }

        var node = _root;
        var mapType = _rootType;
        FieldShape? list = null;
        var rest = path.AsSpan();
        while (!rest.IsEmpty)
        {
            if (rest[0] == '[')
            {
                // An index as the binder writes it ("[2]": no sign, no leading zero), then the end, '.' or '['.
                var close = rest.IndexOf(']');
                if (list is null || close < 2 || (rest[1] == '0' && close > 2) || node is not YamlSequenceNode sequence
                    || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= sequence.Children.Count
                    || (rest.Length > close + 1 && rest[close + 1] is not ('.' or '[')))
                {
                    return null;
                }

                node = sequence.Children[index];
                mapType = list.ItemKind == FieldKind.Map ? list.ItemType : null;
                list = null;
                rest = rest[(close + 1)..];
                continue;
            }

            if (rest[0] == '.')
            {
                // A path never starts with '.'.
                if (rest.Length == path.Length)
                {
                    return null;
                }

                rest = rest[1..];
            }

            var end = rest.IndexOfAny('.', '[');
            var name = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[end..];
            if (mapType is null || node is not YamlMappingNode map)
            {
                return null;
            }

            var fields = FieldShape.Of(mapType);
            var fieldIndex = IndexOf(fields, name);
            if (fieldIndex < 0)
            {
                return null;
            }

            var field = fields[fieldIndex];
            var value = ValueOf(map, name);
            if (value is null)
            {
                return null;
            }

            node = value;
            (mapType, list) = field.Kind switch
            {
                FieldKind.Map => (field.ValueType, null),
                FieldKind.List => (null, field),
                _ => ((Type?)null, (FieldShape?)null),
            };
        }

        return At(node.Start);
    }

    private static YamlNode? ValueOf(YamlMappingNode map, ReadOnlySpan<char> key)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } text } && key.SequenceEqual(text))
            {
                return valueNode;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a value is being bound: the front matter itself (null), a field of a map, or an item of a list. The
    /// text (<c>faqs[2].answer</c>) is only written when a message needs it.
    /// </summary>
    private sealed class FieldPath(FieldPath? parent, string? name, int index)
    {
        private string? _text;

        public bool IsItem => name is null;

        public int Index => index;

        public FieldPath? Parent => parent;

        public override string ToString() => _text ??= name is null ? $"{parent}[{index}]" : Join(parent?.ToString() ?? "", name);

        public static string Of(FieldPath? path) => path?.ToString() ?? "";
    }

    private object? BindMap(YamlNode node, Type type, FieldPath? path)
    {
        var fields = FieldShape.Of(type);
        if (node is not YamlMappingNode map)
        {
            var what = path is null ? "the front matter" : path.IsItem ? $"Item {path.Index + 1} of '{path.Parent}'" : $"'{path}'";
            _diagnostics.Error(At(node.Start), DiagnosticCodes.WrongType,
                $"{Describe(what)} must be {FieldShape.DescribeKind(FieldKind.Map, type)}, but is {KindOfNode(node)}.",
                NullIfEmpty(FieldPath.Of(path)),
                $"Write each field on its own line, indented under '{Last(FieldPath.Of(path))}', as 'name: value'.");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        Span<bool> seen = stackalloc bool[fields.Count];
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var index = IndexOf(fields, key);
            if (index < 0)
            {
                var fieldPath = PathOf(path, key, 0);
                var suggestion = Suggest(key, fields.Select(f => f.YamlName));
                _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.UnknownField,
                    $"Unknown field '{fieldPath}'.",
                    fieldPath,
                    suggestion is null
                        ? $"The fields allowed here are: {string.Join(", ", fields.Select(f => f.YamlName))}."
                        : $"Did you mean '{suggestion}'? The fields allowed here are: {string.Join(", ", fields.Select(f => f.YamlName))}.");
                continue;
            }

            if (seen[index])
            {
                var fieldPath = PathOf(path, key, 0);
                _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.DuplicateField,
                    $"Field '{fieldPath}' is given more than once.", fieldPath, "Keep one of them and delete the others.");
                continue;
            }

            seen[index] = true;
            var field = fields[index];
            if (IsNull(valueNode))
            {
                if (field.Required)
                {
                    var fieldPath = PathOf(path, key, 0);
                    _diagnostics.Error(At(keyNode.Start), DiagnosticCodes.MissingField,
                        $"Required field '{fieldPath}' is empty.", fieldPath,
                        $"Give it a value: {field.Attribute.Description}");
                }

                continue;
            }

            var value = BindValue(valueNode, field, path, key);
            if (value is not null)
            {
                field.Property.SetValue(instance, value);
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Required && !seen[i])
            {
                var text = FieldPath.Of(path);
                var fieldPath = Join(text, fields[i].YamlName);
                _diagnostics.Error(At(map.Start), DiagnosticCodes.MissingField,
                    $"Required field '{fieldPath}' is missing.", fieldPath,
                    $"Add '{fields[i].YamlName}:' {(text.Length == 0 ? "to the front matter" : $"under '{Last(text)}'")}: {fields[i].Attribute.Description}");
            }
        }

        return instance;
    }

    // A loop rather than FindIndex with a lambda: this runs for every key of every file (a closure each).
    private static int IndexOf(IReadOnlyList<FieldShape> fields, ReadOnlySpan<char> key)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (key.SequenceEqual(fields[i].YamlName))
            {
                return i;
            }
        }

        return -1;
    }

    private object? BindValue(YamlNode node, FieldShape field, FieldPath? parent, string key) => field.Kind switch
    {
        FieldKind.List => BindList(node, field, new FieldPath(parent, key, 0)),
        FieldKind.Map => BindMap(node, field.ValueType, new FieldPath(parent, key, 0)),
        _ => BindScalar(node, field.Kind, field.ValueType, parent, key, 0),
    };

    private IList? BindList(YamlNode node, FieldShape field, FieldPath path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(At(node.Start), DiagnosticCodes.WrongType,
                $"'{path}' must be a list, but is {KindOfNode(node)}.", path.ToString(),
                "Start each item on its own line with '- ', indented under the field name.");
            return null;
        }

        var list = (IList)Activator.CreateInstance(field.ValueType)!;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var value = field.ItemKind == FieldKind.Map
                ? BindMap(item, field.ItemType!, new FieldPath(path, null, i))
                : BindScalar(item, field.ItemKind, field.ItemType!, path, null, i);
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
                path.ToString(),
                sequence.Children.Count < min ? "Add the missing items." : "Keep the most useful ones and remove the rest.");
        }

        return list;
    }

    // The path of a value: a field (key) of the map at parent, or item index of the list at parent. Written out only
    // for a message, the way FieldPath writes it.
    private static string PathOf(FieldPath? parent, string? key, int index) => new FieldPath(parent, key, index).ToString();

    private object? BindScalar(YamlNode node, FieldKind kind, Type type, FieldPath? parent, string? key, int index)
    {
        if (node is not YamlScalarNode scalar)
        {
            var path = PathOf(parent, key, index);
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
            FieldKind.Choice => FieldShape.Choice(type, text),
            FieldKind.WebAddress => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null,
            _ => null,
        };

        if (value is null)
        {
            var path = PathOf(parent, key, index);
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
