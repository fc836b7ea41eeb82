using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CareerGuides.Web.Tests;

internal static partial class TextExtensions
{
    /// <summary>The element's text with runs of white space folded to one space, as a reader sees it.</summary>
    public static string Text(this IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
