using System.Globalization;
using System.Text;

namespace CareerGuides.Testing;

/// <summary>
/// A seeded random mutator for fuzz tests: the same seed gives the same inputs, so a finding can be replayed. The
/// number of executions comes from FUZZ_ITERATIONS (CI runs a brief default; a longer run sets it) and the seed from
/// FUZZ_SEED.
/// </summary>
internal sealed class Fuzz(int seed)
{
    private readonly Random _random = new(seed);

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261124;

    public static int Iterations(int brief) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : brief;

    /// <summary>Tokens that mean something to YAML, Markdown, HTML, URLs or text encodings.</summary>
    public static readonly string[] Tokens =
    [
        "---", "\n---\n", "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!binary ", "!<tag> ", "? ", "|", ">", "'", "\"", "#", "%YAML 1.2\n",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](javascript:alert(1))", "[x](", "![x](", "<javascript:x>",
        "&#106;", "&colon;", "&#x0;", "**", "__", "*", "_", "`", "```", "~~~", "\n> ", "\n- ", "\n1. ", "\n## ", "\n| a | b |\n|:-|-:|\n",
        "{onclick=alert(1)}", "\t", "\0", "\r", "\r\n", "\u0085", "\u2028", "\uFEFF", "\uD800", "\uDC00", "\u202E", "\uFFFF", "😀",
        "%", "%2e", "%2f", "%00", "..", "/", "\\", "\n", "\n\n", "    ", "min: -1", "max: 99999999999999999999", "2026-13-45",
        "null", "~", "true", "0x1F", ".inf", "<<: *a",
    ];

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One to four mutations of <paramref name="text"/>, sometimes spliced with <paramref name="other"/>.</summary>
    public string Mutate(string text, string other)
    {
        var builder = new StringBuilder(text);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var at = builder.Length == 0 ? 0 : _random.Next(builder.Length);
            switch (_random.Next(9))
            {
                case 0: // flip a character
                    if (builder.Length > 0)
                    {
                        builder[at] = (char)(builder[at] ^ (1 << _random.Next(7)));
                    }

                    break;
                case 1: // insert a token
                    builder.Insert(at, Pick(Tokens));
                    break;
                case 2: // insert a token many times
                    builder.Insert(at, string.Concat(Enumerable.Repeat(Pick(Tokens), 1 + _random.Next(300))));
                    break;
                case 3: // delete a range
                    builder.Remove(at, Math.Min(builder.Length - at, _random.Next(200)));
                    break;
                case 4: // duplicate a range
                    var length = Math.Min(builder.Length - at, _random.Next(400));
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 5: // a random character, any plane
                    builder.Insert(at, (char)_random.Next(0x10000));
                    break;
                case 6: // splice in part of another file
                    var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                    builder.Insert(at, other.AsSpan(from, Math.Min(other.Length - from, _random.Next(600))));
                    break;
                case 7: // truncate
                    builder.Length = at;
                    break;
                default: // replace a line's value with a token
                    var lineEnd = builder.ToString().IndexOf('\n', at);
                    var colon = builder.ToString().IndexOf(": ", at, StringComparison.Ordinal);
                    if (colon >= 0 && (lineEnd < 0 || colon < lineEnd))
                    {
                        var end = lineEnd < 0 ? builder.Length : lineEnd;
                        builder.Remove(colon + 2, end - colon - 2).Insert(colon + 2, Pick(Tokens));
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
