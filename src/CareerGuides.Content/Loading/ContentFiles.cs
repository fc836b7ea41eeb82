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
}
