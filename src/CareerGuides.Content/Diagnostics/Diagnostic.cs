using System.Globalization;

namespace CareerGuides.Content.Diagnostics;

/// <summary>How serious a content problem is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file is still published; an editor should look at it.</summary>
    Warning,

    /// <summary>The file cannot be published until it is fixed.</summary>
    Error,
}

/// <summary>
/// One problem found in a content file, pointing at the offending key or value.
/// </summary>
/// <param name="Path">The file's path relative to the content root, with forward slashes (<c>guides/a-to-b.md</c>).</param>
/// <param name="Line">1-based line in the file itself (front-matter offset included).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>CG0101</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong, naming the field.</param>
/// <param name="Field">The field's path in the front matter (<c>timeline_months.min</c>), or null for the file or body.</param>
/// <param name="Hint">What to do about it.</param>
public sealed record Diagnostic(
    string Path,
    int Line,
    int Column,
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? Field,
    string Hint)
{
    /// <summary>Whether this diagnostic keeps its file from being published.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The compiler-style form editors' tools can jump to:
    /// <c>path:line:col: error CODE: message</c>.
    /// </summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}");
}
