using System.Text.Encodings.Web;
using System.Text.Json;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Cli;

/// <summary>
/// Checks a content folder with exactly the rules the site uses and prints every problem as
/// <c>path:line:col: error|warning CODE: message</c> with a hint, or as JSON.
/// </summary>
internal static class ValidateCommand
{
    // Relaxed escaping: the JSON goes to a terminal or a tool, never into HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>0 when there are no errors (warnings allowed), 1 when there are errors, 2 when the folder does not exist.</returns>
    public static int Run(string contentPath, string format, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(contentPath))
        {
            error.WriteLine($"error: the content folder '{contentPath}' does not exist.");
            return ExitCodes.Usage;
        }

        // Drafts and scheduled guides are checked too: they are content an editor is working on.
        var result = new ContentBuilder(contentPath, time, includeUnpublished: true, SitePaths.Reserved).Build();
        var diagnostics = result.Snapshot.Diagnostics;
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Length - errors;

        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(
                new
                {
                    files = result.FilesRead,
                    errors,
                    warnings,
                    diagnostics = diagnostics.Select(d => new
                    {
                        path = DisplayPath(contentPath, d),
                        d.Line,
                        d.Column,
                        severity = d.IsError ? "error" : "warning",
                        d.Code,
                        d.Message,
                        d.Field,
                        d.Hint,
                    }),
                },
                Json));
        }
        else
        {
            foreach (var d in diagnostics)
            {
                output.WriteLine($"{DisplayPath(contentPath, d)}:{d.Line}:{d.Column}: {(d.IsError ? "error" : "warning")} {d.Code}: {d.Message}");
                output.WriteLine($"    hint: {d.Hint}");
            }

            output.WriteLine(diagnostics.IsEmpty
                ? $"No problems in {result.FilesRead} files."
                : $"{errors} error{(errors == 1 ? "" : "s")} and {warnings} warning{(warnings == 1 ? "" : "s")} in {result.FilesRead} files.");
        }

        return errors > 0 ? ExitCodes.Errors : ExitCodes.Ok;
    }

    /// <summary>The file's path as the editor named the folder, so tools can open it: <c>content/guides/a-to-b.md</c>.</summary>
    private static string DisplayPath(string contentPath, Diagnostic d) =>
        Path.Combine(contentPath, d.Path).Replace('\\', '/');
}
