using CareerGuides.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CareerGuides.Content.Safety;

/// <summary>
/// Reads the front matter's YAML as a stream of events, before it is loaded into a node tree, and refuses YAML that
/// is nested too deeply (loading it recurses once per level: a few tens of thousands of '[' would overflow the
/// stack and stop the process), refers to itself through an alias, or stands for too many nodes once its aliases
/// are expanded. Syntax errors are left to the loader, which reports them with their position.
/// </summary>
public static class YamlGuard
{
    /// <summary>Reports the first limit the YAML exceeds; returns whether it is within every limit.</summary>
    /// <param name="yaml">The front matter's text.</param>
    /// <param name="lineOffset">Lines of the file before the YAML's first line.</param>
    /// <param name="diagnostics">Where a refusal goes.</param>
    public static bool Check(string yaml, int lineOffset, DiagnosticBag diagnostics)
    {
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Nodes)>();
        long total = 0;
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current;
                var at = current is null ? SourceLocation.FileStart : new SourceLocation((int)current.Start.Line + lineOffset, (int)current.Start.Column);
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= ContentLimits.MaxYamlDepth)
                        {
                            diagnostics.Error(at, DiagnosticCodes.YamlTooDeep,
                                $"The front matter nests lists and maps more than {ContentLimits.MaxYamlDepth} levels deep.", null,
                                "No field of a guide or role needs more than three levels: check the indentation and the '[' and '{' brackets.");
                            return false;
                        }

                        var anchor = ((NodeEvent)current).Anchor;
                        open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                        total++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var (name, size) = open.Pop();
                        if (name is not null)
                        {
                            anchors[name] = size;
                        }

                        AddToParent(open, size);
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        total++;
                        AddToParent(open, 1);
                        break;
                    case AnchorAlias alias:
                        if (open.Any(frame => frame.Anchor == alias.Value.Value))
                        {
                            diagnostics.Error(at, DiagnosticCodes.YamlAliasLimit,
                                $"The alias '*{alias.Value.Value}' refers to the list or map it stands in, so it never ends.", null,
                                "Remove the alias, or write the value out in full.");
                            return false;
                        }

                        // An unknown alias is a syntax error the loader reports with its position.
                        var aliased = anchors.TryGetValue(alias.Value.Value, out var known) ? known : 1;
                        total += aliased;
                        AddToParent(open, aliased);
                        break;
                    default:
                        continue;
                }

                if (total > ContentLimits.MaxYamlNodes)
                {
                    diagnostics.Error(at, DiagnosticCodes.YamlAliasLimit,
                        $"The front matter stands for more than {ContentLimits.MaxYamlNodes:N0} values once its aliases ('*name') are expanded.", null,
                        "Write the values out instead of repeating anchors ('&name') through aliases; a guide needs a few hundred values at most.");
                    return false;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // InvalidOperationException: YamlDotNet's scanner throws it on some unterminated flow collections.
            // Reported, with its position, by the loader that runs next.
        }

        return true;
    }

    private static void AddToParent(Stack<(string? Anchor, long Nodes)> open, long nodes)
    {
        if (open.Count > 0)
        {
            var (anchor, count) = open.Pop();
            open.Push((anchor, count + nodes));
        }
    }
}
