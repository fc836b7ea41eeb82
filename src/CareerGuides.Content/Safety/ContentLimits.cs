namespace CareerGuides.Content.Safety;

/// <summary>
/// The bounds every content file is read within. Each is far above what a real guide or role needs (the largest
/// bundled file is about 12 KB, its longest line about 500 characters, its front matter three levels deep) and far
/// below what would let one file slow or crash a load: past any of them the file is refused with a diagnostic that
/// names the limit, and the rest of the site keeps loading.
/// </summary>
public static class ContentLimits
{
    /// <summary>Largest file, in bytes (checked before it is read) and in characters (checked before it is parsed).</summary>
    public const int MaxFileBytes = 128 * 1024;

    /// <summary>Longest line, in characters.</summary>
    public const int MaxLineLength = 10_000;

    /// <summary>Largest front matter (the YAML between the two '---' lines), in characters.</summary>
    public const int MaxFrontMatterLength = 32 * 1024;

    /// <summary>Deepest nesting of maps and lists in the front matter.</summary>
    public const int MaxYamlDepth = 12;

    /// <summary>
    /// Most YAML nodes the front matter may stand for once every alias is expanded: a file of anchors that refer to
    /// anchors ("billion laughs") is refused here instead of being walked.
    /// </summary>
    public const int MaxYamlNodes = 10_000;

    /// <summary>
    /// Most '[' characters in one file. Markdig's link parsing is quadratic on some inputs (thousands of unclosed
    /// link openers, thousands of reference definitions); a real page has a few dozen links.
    /// </summary>
    public const int MaxOpenBrackets = 2_000;

    /// <summary>
    /// Deepest nesting of Markdown blocks and inlines (quotes in lists in quotes, emphasis in links in emphasis...).
    /// Markdig parses deeper than it can render (its renderer throws past its own limit); a real page nests a few levels.
    /// </summary>
    public const int MaxMarkdownDepth = 48;

    /// <summary>
    /// Most '|' characters in one file. Markdig's pipe-table parsing is quadratic when a table of thousands of rows
    /// follows a paragraph with emphasis (8,000 rows took 13 s); a real table has a few dozen rows.
    /// </summary>
    public const int MaxPipes = 3_000;
}
