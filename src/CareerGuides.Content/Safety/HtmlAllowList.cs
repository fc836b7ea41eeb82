using System.Collections.Frozen;
using System.Net;

namespace CareerGuides.Content.Safety;

/// <summary>
/// The HTML rendered content may contain: these tags, these attributes, and link and image addresses the
/// <see cref="LinkPolicy"/> allows. <see cref="Admits(string)"/> checks, in one pass over the text, that a fragment is made
/// only of escaped text and of tags written the way Markdig writes them from this list (lower-case names, attribute
/// values in double quotes); the full HTML sanitizer, which parses the fragment into a document, is needed only for
/// a fragment this check does not admit.
/// </summary>
public static class HtmlAllowList
{
    /// <summary>The elements content may produce.</summary>
    public static FrozenSet<string> Tags { get; } = new[]
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong",
        "a", "img", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The attributes content may produce.</summary>
    public static FrozenSet<string> Attributes { get; } = new[] { "href", "src", "alt", "title", "class", "start" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The attributes that hold an address, checked against the <see cref="LinkPolicy"/>.</summary>
    public static FrozenSet<string> UriAttributes { get; } = new[] { "href", "src" }.ToFrozenSet(StringComparer.Ordinal);

    // Looked up by span: a string per tag and attribute checked was 30 MB of allocations per 10,000 guides loaded.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TagNames = Tags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeNames = Attributes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UriAttributeNames = UriAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="html"/> is only text without a raw '&lt;' and tags of the list: <c>&lt;name&gt;</c>,
    /// <c>&lt;/name&gt;</c>, or <c>&lt;name attr="value" ...&gt;</c> (optionally closed with <c> /&gt;</c>), each
    /// attribute of the list, no value holding a '&lt;', '&gt;' or control character, and every address allowed.
    /// Anything else (a comment, an unknown element or attribute, an unquoted value, a script address) is not admitted.
    /// </summary>
    public static bool Admits(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Admits(html.AsSpan());
    }

    /// <inheritdoc cref="Admits(string)"/>
    public static bool Admits(ReadOnlySpan<char> span)
    {
        var i = span.IndexOf('<');
        while (i >= 0)
        {
            var end = AdmitTag(span, i);
            if (end < 0)
            {
                return false;
            }

            var next = span[end..].IndexOf('<');
            i = next < 0 ? -1 : end + next;
        }

        return true;
    }

    /// <summary>Checks the tag starting at <paramref name="start"/>; returns the index after its '&gt;', or -1.</summary>
    private static int AdmitTag(ReadOnlySpan<char> html, int start)
    {
        var i = start + 1;
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterLower(html[i]) || (i > nameStart && char.IsAsciiDigit(html[i]))))
        {
            i++;
        }

        if (i == nameStart || !TagNames.Contains(html[nameStart..i]))
        {
            return -1;
        }

        if (closing)
        {
            return i < html.Length && html[i] == '>' ? i + 1 : -1;
        }

        while (i < html.Length)
        {
            if (html[i] == '>')
            {
                return i + 1;
            }

            if (html[i..].StartsWith(" />", StringComparison.Ordinal))
            {
                return i + 3;
            }

            if (html[i] != ' ')
            {
                return -1;
            }

            i++;
            var attributeStart = i;
            while (i < html.Length && char.IsAsciiLetterLower(html[i]))
            {
                i++;
            }

            var attribute = html[attributeStart..i];
            if (!AttributeNames.Contains(attribute) || !html[i..].StartsWith("=\"", StringComparison.Ordinal))
            {
                return -1;
            }

            i += 2;
            var valueLength = html[i..].IndexOf('"');
            if (valueLength < 0)
            {
                return -1;
            }

            var value = html.Slice(i, valueLength);
            if (value.ContainsAny('<', '>') || value.ContainsAnyInRange('\0', '\u001f')
                || (UriAttributeNames.Contains(attribute) && !LinkPolicy.IsAllowed(WebUtility.HtmlDecode(value.ToString()))))
            {
                return -1;
            }

            i += valueLength + 1;
        }

        return -1;
    }
}
