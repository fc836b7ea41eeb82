namespace CareerGuides.Content.Diagnostics;

/// <summary>Collects the diagnostics for one file while it is read.</summary>
public sealed class DiagnosticBag(string path)
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The file's path relative to the content root.</summary>
    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>
    /// The review-by date the file's checks compared with today, if it has one: the only thing a file's diagnostics
    /// depend on besides the file itself (<see cref="Loading.ParseCache"/> keeps a result only while the date stays
    /// on the same side of today).
    /// </summary>
    public DateOnly? ReviewBy { get; set; }

    public void Error(SourceLocation at, string code, string message, string? field, string hint) =>
        _items.Add(new Diagnostic(Path, at.Line, at.Column, DiagnosticSeverity.Error, code, message, field, hint));

    public void Warning(SourceLocation at, string code, string message, string? field, string hint) =>
        _items.Add(new Diagnostic(Path, at.Line, at.Column, DiagnosticSeverity.Warning, code, message, field, hint));
}

/// <summary>A 1-based line and column in a content file.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static readonly SourceLocation FileStart = new(1, 1);
}
