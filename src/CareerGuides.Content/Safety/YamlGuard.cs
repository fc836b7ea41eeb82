using CareerGuides.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CareerGuides.Content.Safety;

/// <summary>
/// Watches the front matter's YAML events on their way from the parser to the node-tree loader, and stops the load
/// (with <see cref="LimitExceededException"/>) at the first event past a limit: YAML nested too deeply (loading
/// recurses once per level: a few tens of thousands of '[' would overflow the stack and stop the process), an alias
/// that refers to the list or map it stands in, or YAML that stands for too many nodes once its aliases are
/// expanded. The YAML is read once: the checks ride along with the load rather than reading the text a second time.
/// Syntax errors are the parser's, reported by the loader with their position.
/// </summary>
/// <param name="inner">The parser whose events are checked.</param>
/// <param name="lineOffset">Lines of the file before the YAML's first line, for the positions reported.</param>
public sealed class YamlGuard(IParser inner, int lineOffset) : IParser
{
    private readonly Dictionary<string, long> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long Nodes)> _open = new();
    private long _total;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    /// <exception cref="LimitExceededException">The event just read goes past a limit.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        Check(inner.Current);
        return true;
    }

    private void Check(ParsingEvent? current)
    {
        switch (current)
        {
            case MappingStart or SequenceStart:
                if (_open.Count >= ContentLimits.MaxYamlDepth)
                {
                    throw Refuse(current, DiagnosticCodes.YamlTooDeep,
                        $"The front matter nests lists and maps more than {ContentLimits.MaxYamlDepth} levels deep.",
                        "No field of a guide or role needs more than three levels: check the indentation and the '[' and '{' brackets.");
                }

                var anchor = ((NodeEvent)current).Anchor;
                _open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                _total++;
                break;
            case MappingEnd or SequenceEnd:
                var (name, size) = _open.Pop();
                if (name is not null)
                {
                    _anchors[name] = size;
                }

                AddToParent(size);
                break;
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = 1;
                }

                _total++;
                AddToParent(1);
                break;
            case AnchorAlias alias:
                if (_open.Any(frame => frame.Anchor == alias.Value.Value))
                {
                    throw Refuse(current, DiagnosticCodes.YamlAliasLimit,
                        $"The alias '*{alias.Value.Value}' refers to the list or map it stands in, so it never ends.",
                        "Remove the alias, or write the value out in full.");
                }

                // An unknown alias is a syntax error the loader reports with its position.
                var aliased = _anchors.TryGetValue(alias.Value.Value, out var known) ? known : 1;
                _total += aliased;
                AddToParent(aliased);
                break;
            default:
                return;
        }

        if (_total > ContentLimits.MaxYamlNodes)
        {
            throw Refuse(current, DiagnosticCodes.YamlAliasLimit,
                $"The front matter stands for more than {ContentLimits.MaxYamlNodes:N0} values once its aliases ('*name') are expanded.",
                "Write the values out instead of repeating anchors ('&name') through aliases; a guide needs a few hundred values at most.");
        }
    }

    private void AddToParent(long nodes)
    {
        if (_open.Count > 0)
        {
            var (anchor, count) = _open.Pop();
            _open.Push((anchor, count + nodes));
        }
    }

    private LimitExceededException Refuse(ParsingEvent current, string code, string message, string hint) =>
        new(new SourceLocation((int)current.Start.Line + lineOffset, (int)current.Start.Column), code, message, hint);

    /// <summary>The YAML went past a limit; the load stops here and the file is reported.</summary>
    /// <param name="at">Where, in the file.</param>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">How to fix it.</param>
    public sealed class LimitExceededException(SourceLocation at, string code, string message, string hint) : Exception(message)
    {
        public SourceLocation At { get; } = at;

        public string Code { get; } = code;

        public string Hint { get; } = hint;
    }
}
