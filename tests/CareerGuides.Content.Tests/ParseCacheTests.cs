using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The parse cache: a restart over unchanged files takes every file from it and serves exactly what a fresh parse
/// serves (content and diagnostics); a changed file, a passed review date, a damaged entry or another build is
/// parsed afresh; a folder the cache cannot trust or create leaves loading as it is without one.
/// </summary>
public sealed class ParseCacheTests : IAsyncDisposable
{
    private readonly TempContent _content = new();
    private readonly string _cacheRoot = Path.Combine(Path.GetTempPath(), "careerguides-tests", "cache-" + Guid.NewGuid().ToString("n"));

    public ParseCacheTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories))
        {
            _content.Write(Path.GetRelativePath(RepositoryPaths.Content, file).Replace('\\', '/'), File.ReadAllText(file));
        }
    }

    private readonly List<ParseCache> _used = [];

    public async ValueTask DisposeAsync()
    {
        // A build stores what it parsed in the background: wait for those writes before removing their folder.
        foreach (var cache in _used)
        {
            cache.ReleaseWrites(); // a test that failed while its writes were held would otherwise wait here forever
            await cache.Flush();
        }

        _content.Dispose();
        if (Directory.Exists(_cacheRoot))
        {
            Directory.Delete(_cacheRoot, recursive: true);
        }
    }

    private int FileCount => Directory.EnumerateFiles(_content.Root, "*.md", SearchOption.AllDirectories).Count();

    private ParseCache OpenCache()
    {
        var cache = new ParseCache(_cacheRoot, _content.Root);
        Assert.True(cache.Open(), cache.Problem);
        return cache;
    }

    private LoadResult Build(ParseCache? cache, DateOnly? today = null)
    {
        if (cache is not null)
        {
            _used.Add(cache);
        }

        return new ContentBuilder(_content.Root, new FixedClock(today ?? new DateOnly(2026, 11, 24)), includeUnpublished: false, cache: cache).Build();
    }

    /// <summary>Builds once with a new cache and waits for what it stores.</summary>
    private async Task<LoadResult> BuildAndStoreAsync(DateOnly? today = null)
    {
        var cache = OpenCache();
        var result = Build(cache, today);
        await cache.Flush();
        return result;
    }

    [Fact]
    public async Task Held_writes_store_nothing_until_released_and_then_every_file()
    {
        var cache = OpenCache();
        cache.HoldWrites();
        var first = Build(cache); // registers the cache for disposal, which releases it if an assertion below fails
        var flushed = cache.Flush();

        // The load itself is unaffected (no errors), and nothing has been written yet.
        Assert.Empty(first.Snapshot.Diagnostics.Where(d => d.IsError));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(flushed.IsCompleted);
        Assert.Empty(Directory.EnumerateFiles(cache.Folder));

        cache.ReleaseWrites();
        await flushed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(FileCount, Directory.EnumerateFiles(cache.Folder).Count(f => !f.EndsWith(".tmp", StringComparison.Ordinal)));

        var restarted = Build(OpenCache());
        Assert.Equal(FileCount, restarted.FilesFromCache);
    }

    [Fact]
    public async Task A_restart_takes_every_file_from_the_cache_and_serves_exactly_what_a_fresh_parse_does()
    {
        var fresh = await BuildAndStoreAsync();
        Assert.Equal(0, fresh.FilesFromCache);

        var cache = OpenCache();
        var restarted = Build(cache);

        Assert.Equal(FileCount, restarted.FilesFromCache);
        Assert.Equal(FileCount, cache.Hits);
        Assert.NotEmpty(restarted.Snapshot.Guides);
        Assert.Equal(fresh.Snapshot.Version, restarted.Snapshot.Version);
        Assert.Equal(Dump(fresh.Snapshot.Guides), Dump(restarted.Snapshot.Guides));
        Assert.Equal(Dump(fresh.Snapshot.Roles), Dump(restarted.Snapshot.Roles));
        Assert.Equal(Dump(fresh.Snapshot.Diagnostics), Dump(restarted.Snapshot.Diagnostics));
    }

    [Fact]
    public async Task Errors_and_warnings_come_back_from_the_cache_word_for_word()
    {
        _content.Write("roles/data-scientist.md", File.ReadAllText(Path.Combine(_content.Root, "roles/data-scientist.md")).Replace("title:", "titel:", StringComparison.Ordinal));
        _content.Write("guides/broken-to-nowhere.md", "---\nfrom: broken\nto: [\n---\n");
        var fresh = await BuildAndStoreAsync();
        Assert.Contains(fresh.Snapshot.Diagnostics, d => d.IsError && d.Path == "roles/data-scientist.md");
        Assert.Contains(fresh.Snapshot.Diagnostics, d => d.IsError && d.Path == "guides/broken-to-nowhere.md");

        var restarted = Build(OpenCache());

        Assert.Equal(FileCount, restarted.FilesFromCache);
        Assert.Equal(Dump(fresh.Snapshot.Diagnostics), Dump(restarted.Snapshot.Diagnostics));
        Assert.Equal(Dump(fresh.Snapshot.Guides), Dump(restarted.Snapshot.Guides));
    }

    [Fact]
    public async Task A_changed_file_is_parsed_again_and_shows_its_change()
    {
        await BuildAndStoreAsync();
        var path = Path.Combine(_content.Root, "guides/data-scientist-to-backend-developer.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("summary: \"", "summary: \"Changed. ", StringComparison.Ordinal));

        var restarted = Build(OpenCache());

        Assert.Equal(FileCount - 1, restarted.FilesFromCache);
        Assert.StartsWith("Changed.", restarted.Snapshot.Guides.Single(g => g.Slug == "data-scientist-to-backend-developer").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_stored_before_a_review_date_passed_is_not_used_after_it()
    {
        var role = Path.Combine(_content.Root, "roles/data-scientist.md");
        File.WriteAllText(role, File.ReadAllText(role).Replace("title:", "review_by: 2026-12-01\ntitle:", StringComparison.Ordinal));
        var before = await BuildAndStoreAsync(new DateOnly(2026, 11, 30));
        Assert.DoesNotContain(before.Snapshot.Diagnostics, d => d.Code == DiagnosticCodes.ReviewOverdue);

        var sameSide = Build(OpenCache(), new DateOnly(2026, 12, 1));
        Assert.Equal(FileCount, sameSide.FilesFromCache);

        var after = Build(OpenCache(), new DateOnly(2026, 12, 2));
        Assert.Equal(FileCount - 1, after.FilesFromCache);
        Assert.Contains(after.Snapshot.Diagnostics, d => d.Code == DiagnosticCodes.ReviewOverdue && d.Path == "roles/data-scientist.md");
    }

    [Fact]
    public async Task Damaged_entries_are_parsed_afresh_and_the_content_is_the_same()
    {
        var fresh = await BuildAndStoreAsync();
        var cache = OpenCache();
        var entries = Directory.GetFiles(cache.Folder).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(FileCount, entries.Length);
        var random = new Random(6);
        for (var i = 0; i < entries.Length; i++)
        {
            var bytes = File.ReadAllBytes(entries[i]);
            var damaged = (i % 5) switch
            {
                0 => bytes[..(bytes.Length / 2)],
                1 => [],
                2 => Flip(bytes, random),
                3 => [.. bytes, 0],
                _ => bytes,
            };
            File.WriteAllBytes(entries[i], damaged);
        }

        var restarted = Build(cache);

        Assert.True(restarted.FilesFromCache < FileCount, "damaged entries must not be used");
        Assert.Equal(Dump(fresh.Snapshot.Guides), Dump(restarted.Snapshot.Guides));
        Assert.Equal(Dump(fresh.Snapshot.Roles), Dump(restarted.Snapshot.Roles));
        Assert.Equal(Dump(fresh.Snapshot.Diagnostics), Dump(restarted.Snapshot.Diagnostics));

        static byte[] Flip(byte[] bytes, Random random)
        {
            var copy = (byte[])bytes.Clone();
            for (var n = 0; n < 8; n++)
            {
                copy[random.Next(copy.Length)] ^= 0xFF;
            }

            return copy;
        }
    }

    [Fact]
    public async Task An_entry_with_a_good_checksum_but_impossible_values_is_parsed_afresh()
    {
        var fresh = await BuildAndStoreAsync();
        var cache = OpenCache();
        var tampered = 0;
        foreach (var file in Directory.GetFiles(cache.Folder))
        {
            if (ParseCache.Decode(File.ReadAllBytes(file)) is { Guide: { } guide } entry)
            {
                // Written through the encoder, so the checksum is right and only the content is wrong.
                File.WriteAllBytes(file, ParseCache.Encode(entry with { Guide = guide with { Difficulty = (Difficulty)99 } }));
                tampered++;
            }
        }

        var restarted = Build(cache);

        Assert.True(tampered > 0);
        Assert.Equal(FileCount - tampered, restarted.FilesFromCache);
        Assert.Equal(Dump(fresh.Snapshot.Guides), Dump(restarted.Snapshot.Guides));
    }

    [Fact]
    public void Random_bytes_never_decode_into_an_entry_or_throw_anything_unexpected()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 8)
            {
                // Past the format check, to the checksum.
                "CGPC"u8.CopyTo(bytes);
                BitConverter.GetBytes(1).CopyTo(bytes, 4);
            }

            try
            {
                Assert.Null(ParseCache.Decode(bytes));
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidDataException or OverflowException or DecoderFallbackException)
            {
                // TryRead turns these into a miss.
            }
        }
    }

    [Fact]
    public async Task A_full_scan_drops_the_entries_of_deleted_files()
    {
        await BuildAndStoreAsync();
        File.Delete(Path.Combine(_content.Root, "guides/data-scientist-to-backend-developer.md"));

        var cache = OpenCache();
        Build(cache);
        await cache.Flush();

        Assert.Equal(FileCount, Directory.GetFiles(cache.Folder).Length);
    }

    [Fact]
    public void Opening_removes_other_builds_of_the_same_content_and_keeps_other_contents()
    {
        var cache = OpenCache();
        var prefix = Path.GetFileName(cache.Folder)[..17];
        var oldBuild = Directory.CreateDirectory(Path.Combine(_cacheRoot, prefix + "0123456789abcdef")).FullName;
        var otherContent = Directory.CreateDirectory(Path.Combine(_cacheRoot, "fedcba9876543210-" + ParseCache.BuildKey)).FullName;

        Assert.True(OpenCache().Folder == cache.Folder);

        Assert.False(Directory.Exists(oldBuild));
        Assert.True(Directory.Exists(otherContent));
        Assert.True(Directory.Exists(cache.Folder));
    }

    [Fact]
    public void A_cache_folder_others_can_write_to_is_made_private_before_use()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions.");
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_cacheRoot);
            File.SetUnixFileMode(_cacheRoot, (UnixFileMode)Convert.ToInt32("777", 8));
            var cache = new ParseCache(_cacheRoot, _content.Root);

            // Made owner-only by the cache itself, since this user owns it. A folder another user owns cannot be
            // changed and is refused; that needs a second user, so it is not tested here (the tests run as root).
            Assert.True(cache.Open(), cache.Problem);
            var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(_cacheRoot));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(cache.Folder));
        }
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_is_reported_and_loading_goes_on_without_it()
    {
        Directory.CreateDirectory(_cacheRoot);
        var blocker = Path.Combine(_cacheRoot, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var cache = new ParseCache(Path.Combine(blocker, "cache"), _content.Root);

        Assert.False(cache.Open());
        Assert.Contains("could not be created", cache.Problem, StringComparison.Ordinal);
        var result = Build(cache);
        Assert.Equal(0, result.FilesFromCache);
        Assert.NotEmpty(result.Snapshot.Guides);
        Assert.True(cache.Flush().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Each_entry_records_its_path_and_one_for_another_path_is_not_used()
    {
        var entry = new CachedParse("roles/a.md", new DateOnly(2026, 11, 24), null, [], null, null);
        var decoded = ParseCache.Decode(ParseCache.Encode(entry));
        Assert.NotNull(decoded);
        Assert.Equal("roles/a.md", decoded.Path);

        var cache = OpenCache();
        var digest = new byte[32];
        cache.Add(digest, entry);
        await cache.Flush();
        Assert.NotNull(cache.TryRead(digest, new DateOnly(2026, 11, 24), "roles/a.md"));
        Assert.Null(cache.TryRead(digest, new DateOnly(2026, 11, 24), "roles/b.md"));
    }

    /// <summary>Every public property, recursively, as text: what two loads are compared by.</summary>
    private static string Dump(object? value)
    {
        var text = new StringBuilder();
        Write(value, 0);
        return text.ToString();

        void Write(object? item, int depth)
        {
            switch (item)
            {
                case null:
                    text.Append("null");
                    return;
                case string s:
                    text.Append('"').Append(s).Append('"');
                    return;
                case Utf8Text utf8:
                    text.Append("utf8\"").Append(utf8).Append('"');
                    return;
                case IFormattable formattable when item.GetType().IsPrimitive || item is Enum or DateOnly or decimal:
                    text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    return;
                case bool b:
                    text.Append(b);
                    return;
                case Uri uri:
                    text.Append(uri.OriginalString);
                    return;
            }

            Assert.True(depth < 12, "the dump went too deep");
            var type = item.GetType();
            if (type.GetProperty("IsDefault") is { } isDefault && isDefault.PropertyType == typeof(bool) && (bool)isDefault.GetValue(item)!)
            {
                text.Append("default");
                return;
            }

            if (item is IEnumerable sequence)
            {
                text.Append('[');
                foreach (var element in sequence)
                {
                    Write(element, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
            }

            text.Append(type.Name).Append('{');
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (property.Name == "EqualityContract")
                {
                    continue;
                }

                text.Append(property.Name).Append('=');
                Write(property.GetValue(item), depth + 1);
                text.Append(';');
            }

            text.Append('}');
        }
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
