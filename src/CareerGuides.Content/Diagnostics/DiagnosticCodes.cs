namespace CareerGuides.Content.Diagnostics;

/// <summary>
/// Stable codes for every kind of content problem. Codes never change meaning; new kinds get new codes.
/// CG00xx: the file as a whole. CG01xx: front matter shape and types. CG02xx: references between files.
/// CG03xx: the Markdown body.
/// </summary>
public static class DiagnosticCodes
{
    public const string UnreadableFile = "CG0001";
    public const string InvalidFileName = "CG0002";
    public const string MissingFrontMatter = "CG0003";
    public const string UnclosedFrontMatter = "CG0004";
    public const string DuplicateSlug = "CG0005";
    public const string ServingLastGood = "CG0006";
    public const string FileTooLarge = "CG0007";
    public const string LineTooLong = "CG0008";
    public const string LinkOutsideContent = "CG0009";

    public const string MalformedYaml = "CG0100";
    public const string MissingField = "CG0101";
    public const string UnknownField = "CG0102";
    public const string WrongType = "CG0103";
    public const string MinAboveMax = "CG0104";
    public const string InvalidValue = "CG0105";
    public const string DuplicateField = "CG0106";
    public const string ListLength = "CG0107";
    public const string ReviewOverdue = "CG0108";
    public const string InvalidRedirect = "CG0109";
    public const string FrontMatterTooLarge = "CG0110";
    public const string YamlTooDeep = "CG0111";
    public const string YamlAliasLimit = "CG0112";

    public const string UnknownRole = "CG0201";
    public const string BrokenRole = "CG0202";
    public const string FileNameMismatch = "CG0203";
    public const string SameRole = "CG0204";
    public const string RedirectCollision = "CG0205";

    public const string ContentBeforeSection = "CG0301";
    public const string UnknownSection = "CG0302";
    public const string DuplicateSection = "CG0303";
    public const string MissingSection = "CG0304";
    public const string DisallowedUrl = "CG0305";
    public const string MarkdownTooComplex = "CG0306";
}
