using System.Text;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>Files are read as bytes once (hashed and decoded from the same read), whatever encoding an editor saved.</summary>
public sealed class ContentFilesTests : LoaderTestBase
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void Text_is_decoded_as_a_text_editor_saved_it(string encoding)
    {
        const string Text = "---\ntitle: Café – £50,000\n---\n";
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Text),
            "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Text)],
            "utf-16le-bom" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Text)],
            _ => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Text)],
        };

        Assert.Equal(Text, ContentFiles.Decode(bytes));
    }

    [Fact]
    public void A_guide_saved_with_a_byte_order_mark_loads_like_one_without()
    {
        var path = Path.Combine(Content.Root, "guides/data-scientist-to-backend-developer.md");
        File.WriteAllText(path, Samples.Guide("data-scientist", "backend-developer"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = Load();

        Assert.Empty(result.Snapshot.Diagnostics);
        var guide = Assert.Single(result.Snapshot.Guides);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), guide.SourceHash);
    }
}
