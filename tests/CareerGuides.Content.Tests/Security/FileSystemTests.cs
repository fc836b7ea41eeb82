using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// What else can sit in a content folder: links leading out of it, editors' backup files, files that cannot be read.
/// Each is handled, and reported when it is a problem, while every other file loads.
/// </summary>
public sealed class FileSystemTests : LoaderTestBase
{
    [Fact]
    public void A_symlink_to_a_file_outside_the_content_folder_is_not_followed()
    {
        using var outside = new TempContent();
        outside.Write("roles/secret.md", Samples.Role("Secret Role"));
        File.CreateSymbolicLink(Path.Combine(Content.Root, "roles", "secret.md"), Path.Combine(outside.Root, "roles", "secret.md"));

        var result = Load();

        var d = Assert.Single(result.Snapshot.Diagnostics);
        Assert.Equal(("roles/secret.md", DiagnosticCodes.LinkOutsideContent), (d.Path, d.Code));
        Assert.Contains(outside.Root, d.Message);
        Assert.DoesNotContain(result.Snapshot.Roles, r => r.Title == "Secret Role");
        Assert.Equal(2, result.Snapshot.Roles.Length);
    }

    [Fact]
    public void A_symlinked_folder_leading_outside_is_not_followed()
    {
        using var outside = new TempContent();
        outside.Write("roles/secret.md", Samples.Role("Secret Role"));
        Directory.CreateSymbolicLink(Path.Combine(Content.Root, "roles", "more"), Path.Combine(outside.Root, "roles"));

        var result = Load();

        Assert.DoesNotContain(result.Snapshot.Roles, r => r.Title == "Secret Role");
        var d = Assert.Single(result.Snapshot.Diagnostics);
        Assert.Equal(("roles/more", DiagnosticCodes.LinkOutsideContent, DiagnosticSeverity.Error), (d.Path, d.Code, d.Severity));
        Assert.Contains(outside.Root, d.Message);
    }

    [Fact]
    public void A_symlinked_folder_looping_back_into_the_content_is_not_walked()
    {
        Directory.CreateSymbolicLink(Path.Combine(Content.Root, "roles", "loop"), Path.Combine(Content.Root, "roles"));

        var result = Load();

        // Followed, the loop would list every role 40 times over (the kernel's limit on links in a path).
        Assert.Equal(["backend-developer", "data-scientist"], result.Snapshot.Roles.Select(r => r.Slug).Order());
        Assert.Equal("roles/data-scientist.md", result.Snapshot.FindRole("data-scientist")!.SourcePath);
        var d = Assert.Single(result.Snapshot.Diagnostics);
        Assert.Equal(("roles/loop", DiagnosticCodes.LinkOutsideContent, DiagnosticSeverity.Warning), (d.Path, d.Code, d.Severity));
    }

    [Fact]
    public void An_incremental_reload_of_a_file_reached_through_a_symlinked_folder_is_refused()
    {
        using var outside = new TempContent();
        outside.Write("roles/secret.md", Samples.Role("Secret Role"));
        Directory.CreateSymbolicLink(Path.Combine(Content.Root, "roles", "more"), Path.Combine(outside.Root, "roles"));
        var builder = new ContentBuilder(Content.Root, TimeProvider.System, includeUnpublished: false);
        builder.Build();

        var result = builder.Build(["roles/more/secret.md"]);

        var d = Assert.Single(result.Snapshot.Diagnostics, d => d.Path == "roles/more/secret.md");
        Assert.Equal(("roles/more/secret.md", DiagnosticCodes.LinkOutsideContent), (d.Path, d.Code));
        Assert.DoesNotContain(result.Snapshot.Roles, r => r.Title == "Secret Role");
    }

    [Fact]
    public void A_symlink_within_the_content_folder_is_followed()
    {
        Directory.CreateDirectory(Path.Combine(Content.Root, "archive"));
        Content.Write("archive/teacher.md", Samples.Role("Teacher"));
        File.CreateSymbolicLink(Path.Combine(Content.Root, "roles", "teacher.md"), Path.Combine(Content.Root, "archive", "teacher.md"));

        var result = Load();

        Assert.Empty(result.Snapshot.Diagnostics);
        Assert.Contains(result.Snapshot.Roles, r => r.Slug == "teacher");
    }

    [Theory]
    [InlineData("roles/data-scientist.md~")]
    [InlineData("roles/.#data-scientist.md")]
    [InlineData("roles/#data-scientist.md#")]
    [InlineData("roles/.data-scientist.md.swp")]
    [InlineData("guides/.#data-scientist-to-backend-developer.md")]
    public void Editor_backup_and_lock_files_are_ignored_and_listed(string path)
    {
        Content.Write(path, "not: [valid");

        var result = Load();

        Assert.Empty(result.Snapshot.Diagnostics);
        Assert.Equal([path], result.IgnoredFiles);
        Assert.Equal(2, result.Snapshot.Roles.Length);
    }

    [Fact]
    public void An_emacs_lock_file_that_is_a_dangling_symlink_is_ignored()
    {
        File.CreateSymbolicLink(Path.Combine(Content.Root, "roles", ".#data-scientist.md"), "editor@host.1234:1700000000");

        var result = Load();

        Assert.Empty(result.Snapshot.Diagnostics);
        Assert.Equal(2, result.Snapshot.Roles.Length);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_and_the_rest_load()
    {
        // Another process holding the file exclusively: on Linux .NET takes an advisory lock, so reading fails with an
        // IOException whoever the reader is (chmod 000 does not stop root, which CI runs as).
        var path = Path.Combine(Content.Root, "roles", "backend-developer.md");
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var result = Load();

            var d = Assert.Single(result.Snapshot.Diagnostics, d => d.Path == "roles/backend-developer.md");
            Assert.Equal(DiagnosticCodes.UnreadableFile, d.Code);
            Assert.StartsWith("The file could not be read:", d.Message);
            Assert.Contains(result.Snapshot.Roles, r => r.Slug == "data-scientist");
        }

        Assert.Empty(Load().Snapshot.Diagnostics);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_without_read_permission_is_reported()
    {
        var path = Path.Combine(Content.Root, "roles", "backend-developer.md");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            try
            {
                File.ReadAllText(path);
                Assert.Skip("Running as root (as CI does): a mode of 000 does not stop root reading, so the lock test above covers unreadable files.");
            }
            catch (UnauthorizedAccessException)
            {
                // Not root: the mode does stop this process, as it would stop the site.
            }

            var d = Assert.Single(Load().Snapshot.Diagnostics, d => d.Path == "roles/backend-developer.md");
            Assert.Equal(DiagnosticCodes.UnreadableFile, d.Code);
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
