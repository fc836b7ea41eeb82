using CareerGuides.Web.Infrastructure;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// The odd-path filter reads paths in place (it runs on every request); it must refuse exactly what the plain
/// definition refuses: a control character or backslash, or an encoded slash, backslash or NUL, before any query.
/// </summary>
public sealed class OddPathTests
{
    /// <summary>The definition, written plainly.</summary>
    private static bool Reference(string path)
    {
        var pathOnly = path.Split('?', 2)[0];
        return pathOnly.Any(char.IsControl)
            || pathOnly.Contains('\\', StringComparison.Ordinal)
            || pathOnly.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || pathOnly.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || pathOnly.Contains("%00", StringComparison.Ordinal);
    }

    [Fact]
    public void Every_character_is_judged_as_the_definition_judges_it()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var path = "/roles/a" + (char)c + "b";
            Assert.True(Reference(path) == SecurityExtensions.IsOdd(path), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guides/data-scientist-to-backend-developer")]
    [InlineData("/guides/..%2f..%2fappsettings.json")]
    [InlineData("/guides/..%2F")]
    [InlineData("/guides/..%5c")]
    [InlineData("/guides/..%5C")]
    [InlineData("/a%00b")]
    [InlineData("/a%0")]
    [InlineData("/a%")]
    [InlineData("/a%%2f")]
    [InlineData("/a%2")]
    [InlineData("/a%25%32%66")]
    [InlineData("/search?q=%2f")]
    [InlineData("/search?q=\\")]
    [InlineData("/a\\b?q=1")]
    [InlineData("/a%2fb?q=1")]
    [InlineData("?%2f")]
    [InlineData("")]
    public void Encoded_separators_are_judged_as_the_definition_judges_them(string path)
    {
        Assert.Equal(Reference(path), SecurityExtensions.IsOdd(path));
    }
}
