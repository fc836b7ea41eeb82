namespace CareerGuides.Content.Loading;

/// <summary>Which files in the content folder are content, and which are left alone.</summary>
public static class ContentFiles
{
    /// <summary>
    /// Markdown files (<c>*.md</c>), but not the backup, swap and lock files editors leave beside them: Emacs'
    /// <c>.#a.md</c> and <c>#a.md#</c>, Vim's <c>.a.md.swp</c>, <c>a.md~</c>, and any other hidden file.
    /// </summary>
    public static bool IsContentFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith('.')
            && !name.StartsWith('#')
            && !name.StartsWith('~');
    }

    /// <summary>A Markdown-like file that is deliberately not read (an editor's backup or lock file).</summary>
    public static bool IsEditorLeftover(string path)
    {
        var name = Path.GetFileName(path);
        return !IsContentFile(path) && name.Contains(".md", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A file's text: UTF-8, or whatever its byte-order mark says (UTF-8, UTF-16 or UTF-32), as
    /// <see cref="File.ReadAllText(string, System.Text.Encoding)"/> reads it; invalid bytes become U+FFFD.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var utf8Bom = System.Text.Encoding.UTF8.Preamble;
        if (bytes.StartsWith(utf8Bom))
        {
            return System.Text.Encoding.UTF8.GetString(bytes[utf8Bom.Length..]);
        }

        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0, 0, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
