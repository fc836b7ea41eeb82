using System.Diagnostics;
using System.Text.Json;

namespace CareerGuides.Cli.Tests;

/// <summary>The editors' command line: validate, new and their exit codes, on temporary content folders.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "careerguides-cli-tests", Guid.NewGuid().ToString("n"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public CliTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(RepositoryPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_root, relative);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    /// <summary>Breaks the copy in many ways at once, each in a different file.</summary>
    private void BreakManyThings()
    {
        Edit("guides/data-scientist-to-backend-developer.md", t => t.Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 16, max: 12 }", StringComparison.Ordinal));
        Edit("guides/teacher-to-data-analyst.md", t => t.Replace("difficulty:", "dificulty:", StringComparison.Ordinal));
        Edit("roles/accountant.md", t => t.Replace("title: Accountant\n", "", StringComparison.Ordinal));
        Edit("guides/frontend-developer-to-backend-developer.md", t => t.Replace("to: backend-developer", "to: backend-dev", StringComparison.Ordinal));
        Edit("guides/teacher-to-ux-designer.md", t => t.Replace("updated:", "review_by: 2020-01-01\nupdated:", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_root, "guides", "nurse-to-teacher.md"), "No front matter here.\n");
    }

    [Fact]
    public void Validate_prints_every_problem_in_compiler_format_with_a_hint_and_exits_1()
    {
        BreakManyThings();

        var exit = ValidateCommand.Run(_root, "text", TimeProvider.System, _output, _error);

        Assert.Equal(ExitCodes.Errors, exit);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var problems = lines.Where(l => !l.StartsWith("    hint: ", StringComparison.Ordinal) && l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).ToArray();
        string At(string file) => problems.Single(p => p.StartsWith($"{_root}/{file}:", StringComparison.Ordinal) && !p.Contains("CG0202", StringComparison.Ordinal) && !p.Contains("CG0101: Required field 'difficulty'", StringComparison.Ordinal));

        Assert.Equal($"{_root}/guides/data-scientist-to-backend-developer.md:5:25: error CG0104: 'timeline_months.min' (16) is greater than 'timeline_months.max' (12).", At("guides/data-scientist-to-backend-developer.md"));
        Assert.StartsWith($"{_root}/guides/teacher-to-data-analyst.md:6:1: error CG0102: Unknown field 'dificulty'.", At("guides/teacher-to-data-analyst.md"));
        Assert.StartsWith($"{_root}/roles/accountant.md:2:1: error CG0101: Required field 'title' is missing.", At("roles/accountant.md"));
        Assert.StartsWith($"{_root}/guides/frontend-developer-to-backend-developer.md:2:7: error CG0203: The file name", At("guides/frontend-developer-to-backend-developer.md"));
        Assert.StartsWith($"{_root}/guides/teacher-to-ux-designer.md:", At("guides/teacher-to-ux-designer.md"));
        Assert.Contains(": warning CG0108:", At("guides/teacher-to-ux-designer.md"));
        Assert.StartsWith($"{_root}/guides/nurse-to-teacher.md:1:1: error CG0003:", At("guides/nurse-to-teacher.md"));

        // Every problem line is followed by its hint.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].Contains(": error CG", StringComparison.Ordinal) || lines[i].Contains(": warning CG", StringComparison.Ordinal))
            {
                Assert.StartsWith("    hint: ", lines[i + 1]);
            }
        }

        Assert.Matches(@"^\d+ errors and 1 warning in 23 files\.$", lines[^1]);
    }

    [Fact]
    public void Validate_in_json_gives_machines_the_same_problems()
    {
        BreakManyThings();

        var exit = ValidateCommand.Run(_root, "json", TimeProvider.System, _output, _error);

        Assert.Equal(ExitCodes.Errors, exit);
        using var json = JsonDocument.Parse(_output.ToString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
        var minAboveMax = diagnostics.Single(d => d.GetProperty("code").GetString() == "CG0104");
        Assert.Equal($"{_root}/guides/data-scientist-to-backend-developer.md", minAboveMax.GetProperty("path").GetString());
        Assert.Equal(5, minAboveMax.GetProperty("line").GetInt32());
        Assert.Equal(25, minAboveMax.GetProperty("column").GetInt32());
        Assert.Equal("error", minAboveMax.GetProperty("severity").GetString());
        Assert.Equal("timeline_months.min", minAboveMax.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(minAboveMax.GetProperty("hint").GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("warnings").GetInt32());
        Assert.Equal(diagnostics.Length - 1, json.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Validate_exits_0_on_clean_content_and_2_on_a_missing_folder()
    {
        Assert.Equal(ExitCodes.Ok, ValidateCommand.Run(_root, "text", TimeProvider.System, _output, _error));
        Assert.Equal("No problems in 22 files.", _output.ToString().Trim());

        Assert.Equal(ExitCodes.Usage, ValidateCommand.Run(Path.Combine(_root, "nope"), "text", TimeProvider.System, _output, _error));
        Assert.Contains("does not exist", _error.ToString());
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        Edit("guides/teacher-to-ux-designer.md", t => t.Replace("updated:", "review_by: 2020-01-01\nupdated:", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Ok, ValidateCommand.Run(_root, "text", TimeProvider.System, _output, _error));
    }

    [Fact]
    public void New_guide_writes_a_draft_that_validates_clean()
    {
        var exit = NewCommand.Guide(_root, "accountant", "product-manager", TimeProvider.System, _output, _error);

        Assert.Equal(ExitCodes.Ok, exit);
        var path = Path.Combine(_root, "guides", "accountant-to-product-manager.md");
        Assert.Contains("draft: true", File.ReadAllText(path));
        Assert.Equal(ExitCodes.Ok, ValidateCommand.Run(_root, "text", TimeProvider.System, _output, _error));
    }

    [Fact]
    public void New_guide_refuses_unknown_roles_and_suggests_the_right_one()
    {
        var exit = NewCommand.Guide(_root, "accountant", "product-manger", TimeProvider.System, _output, _error);

        Assert.Equal(ExitCodes.Errors, exit);
        Assert.Contains("--to names the role 'product-manger', which does not exist", _error.ToString());
        Assert.Contains("did you mean 'product-manager'?", _error.ToString());
        Assert.False(File.Exists(Path.Combine(_root, "guides", "accountant-to-product-manger.md")));
    }

    [Fact]
    public void New_guide_refuses_to_overwrite_an_existing_guide()
    {
        var path = Path.Combine(_root, "guides", "teacher-to-data-analyst.md");
        var before = File.ReadAllText(path);

        var exit = NewCommand.Guide(_root, "teacher", "data-analyst", TimeProvider.System, _output, _error);

        Assert.Equal(ExitCodes.Errors, exit);
        Assert.Contains("already exists", _error.ToString());
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void New_role_writes_a_draft_and_refuses_bad_or_existing_slugs()
    {
        Assert.Equal(ExitCodes.Ok, NewCommand.Role(_root, "nurse", TimeProvider.System, _output, _error));
        Assert.Equal(ExitCodes.Ok, ValidateCommand.Run(_root, "text", TimeProvider.System, _output, _error));

        Assert.Equal(ExitCodes.Errors, NewCommand.Role(_root, "nurse", TimeProvider.System, _output, _error));
        Assert.Equal(ExitCodes.Errors, NewCommand.Role(_root, "Data_Engineer", TimeProvider.System, _output, _error));
        Assert.Contains("not a valid role slug", _error.ToString());
    }

    [Fact]
    public async Task The_built_command_line_tool_returns_the_exit_codes()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "careerguides.dll");
        Assert.Equal(0, await RunToolAsync(tool, "validate", _root));

        BreakManyThings();
        Assert.Equal(1, await RunToolAsync(tool, "validate", _root, "--format", "json"));
        Assert.Equal(2, await RunToolAsync(tool, "validate", Path.Combine(_root, "missing")));
    }

    private static async Task<int> RunToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
