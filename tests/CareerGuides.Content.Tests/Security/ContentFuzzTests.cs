using System.Diagnostics;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// Random and mutated content files (seeded from the bundled content) go through the readers exactly as the loader
/// calls them. A finding is any exception escaping a reader (the loader would report it as a bug) or a load that
/// does not finish (the test timeout). CI runs a brief pass; FUZZ_ITERATIONS sets a longer one.
/// </summary>
public sealed class ContentFuzzTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Writes lone surrogates as U+FFFD instead of throwing.</summary>
    private static readonly System.Text.UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    [Fact(Timeout = 600_000)]
    public async Task Mutated_files_never_throw_or_hang()
    {
        await Task.Yield();
        var files = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories)
            .Select(p => (Path: Path.GetRelativePath(RepositoryPaths.Content, p).Replace('\\', '/'), Text: File.ReadAllText(p)))
            .ToArray();
        var fuzz = new Fuzz(Fuzz.Seed);
        var iterations = Fuzz.Iterations(brief: 400);
        var findings = new List<string>();
        var refused = 0;
        var slowest = TimeSpan.Zero;

        for (var i = 0; i < iterations; i++)
        {
            var (path, text) = fuzz.Pick(files);
            var mutated = fuzz.Mutate(text, fuzz.Pick(files).Text);
            var bag = new DiagnosticBag(path);
            var started = Stopwatch.GetTimestamp();
            try
            {
                _ = path.StartsWith("roles/", StringComparison.Ordinal)
                    ? RoleReader.Read(path, mutated, Today, bag) is null ? 0 : 1
                    : GuideReader.Parse(path, mutated, Today, bag) is null ? 0 : 1;
            }
#pragma warning disable CA1031 // every exception is a finding, recorded with its input
            catch (Exception e)
#pragma warning restore CA1031
            {
                var file = Path.Combine(Path.GetTempPath(), $"careerguides-fuzz-{Fuzz.Seed}-{i}.md");
                await File.WriteAllTextAsync(file, mutated, TestContext.Current.CancellationToken);
                findings.Add($"#{i} {path}: {e.GetType().Name}: {e.Message} (input saved to {file})");
            }

            refused += bag.HasErrors ? 1 : 0;
            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        // Figures for the record, not assertions: how many inputs were refused, and the slowest one.
        output.WriteLine($"content fuzz: seed {Fuzz.Seed}, {iterations} executions, {refused} refused with diagnostics, {findings.Count} findings, slowest {slowest.TotalMilliseconds:0} ms");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact(Timeout = 600_000)]
    public async Task Mutated_files_saved_into_a_content_folder_never_break_the_loader()
    {
        await Task.Yield();
        using var content = new TempContent();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories))
        {
            content.Write(Path.GetRelativePath(RepositoryPaths.Content, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        var builder = new ContentBuilder(content.Root, TimeProvider.System, includeUnpublished: false);
        var baseline = builder.Build().Snapshot;
        var paths = baseline.Roles.Select(r => r.SourcePath).Concat(baseline.Guides.Select(g => g.SourcePath)).ToArray();
        var originals = paths.ToDictionary(p => p, p => File.ReadAllText(Path.Combine(content.Root, p)));
        var fuzz = new Fuzz(Fuzz.Seed + 3);
        var iterations = Fuzz.Iterations(brief: 150);
        var findings = new List<string>();

        for (var i = 0; i < iterations; i++)
        {
            var path = fuzz.Pick(paths);
            var mutated = fuzz.Mutate(originals[path], originals[fuzz.Pick(paths)]);
            var bytes = new List<byte>(Lenient.GetBytes(mutated));
            if (fuzz.Next(4) == 0)
            {
                // Bytes that are not UTF-8 at all: a stray continuation byte, an overlong form, a cut sequence.
                bytes.InsertRange(fuzz.Next(bytes.Count + 1), fuzz.Pick(new byte[][] { [0xFF], [0xC0, 0xAE], [0xE2, 0x82], [0x80], [0xEF, 0xBB, 0xBF] }));
            }

            await File.WriteAllBytesAsync(Path.Combine(content.Root, path), [.. bytes], TestContext.Current.CancellationToken);
            var snapshot = builder.Build([path]).Snapshot;

            // CG0001 on a readable file means an exception escaped a reader: a bug, whatever the input.
            findings.AddRange(snapshot.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnreadableFile).Select(d => $"#{i} {d}"));
            Assert.NotEmpty(snapshot.Roles); // the other files keep loading
            if (fuzz.Next(3) == 0)
            {
                content.Write(path, originals[path]); // sometimes fixed again, sometimes left broken
                builder.Build([path]);
            }
        }

        output.WriteLine($"loader fuzz: seed {Fuzz.Seed + 3}, {iterations} incremental builds, {findings.Count} findings");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact(Timeout = 120_000)]
    public async Task Random_bytes_never_throw_or_hang()
    {
        await Task.Yield();
        var fuzz = new Fuzz(Fuzz.Seed + 1);
        var iterations = Fuzz.Iterations(brief: 200);
        for (var i = 0; i < iterations; i++)
        {
            var text = new string([.. Enumerable.Range(0, fuzz.Next(4_000)).Select(_ => fuzz.Next(4) == 0 ? fuzz.Pick(Fuzz.Tokens)[0] : (char)fuzz.Next(128))]);
            var prefixed = fuzz.Next(2) == 0 ? "---\n" + text : text;

            var exception = Record.Exception(() => RoleReader.Read("roles/fuzz.md", prefixed, Today, new DiagnosticBag("roles/fuzz.md")));

            Assert.Null(exception);
        }
    }
}
