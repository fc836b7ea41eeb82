using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Safety;
using Diagnostic = CareerGuides.Content.Diagnostics.Diagnostic;

namespace CareerGuides.Content.Loading;

/// <summary>What one build produced, and the figures the site logs about it.</summary>
/// <param name="Snapshot">The content to serve.</param>
/// <param name="FilesRead">How many files were read and parsed by this build (all of them on a full build; the changed ones otherwise).</param>
/// <param name="FilesWithErrors">How many files currently have errors.</param>
/// <param name="FilesServingLastGood">How many of those still serve their last good version.</param>
/// <param name="Duration">How long the build took.</param>
/// <param name="Incremental">Whether only changed files were read.</param>
public sealed record LoadResult(
    ContentSnapshot Snapshot,
    int FilesRead,
    int FilesWithErrors,
    int FilesServingLastGood,
    TimeSpan Duration,
    bool Incremental)
{
    /// <summary>Files with errors whose page is not served at all.</summary>
    public int FilesRejected => FilesWithErrors - FilesServingLastGood;

    /// <summary>Files found on a full rescan that are deliberately not read: editors' backup, swap and lock files.</summary>
    public IReadOnlyList<string> IgnoredFiles { get; init; } = [];

    /// <summary>How many of the files read were not parsed because the parse cache held their result.</summary>
    public int FilesFromCache { get; init; }

    /// <summary>Where <see cref="Duration"/> went.</summary>
    public LoadPhases Phases { get; init; }
}

/// <summary>The parts of a load, in order; together they make up nearly all of its duration.</summary>
/// <param name="Read">Finding, reading and parsing the files (in parallel), or taking their parses from the cache.</param>
/// <param name="Link">Linking guides to their roles and checking references and redirects.</param>
/// <param name="Snapshot">Building the snapshot from the result: sorting, lookups, the published pages, the version.</param>
public readonly record struct LoadPhases(TimeSpan Read, TimeSpan Link, TimeSpan Snapshot);

/// <summary>
/// Builds snapshots of a content folder (<c>roles/</c> and <c>guides/</c>) and keeps, per file, the last version
/// that was good. A rebuild after a change reads only the changed files and re-links the rest, so a saved file
/// is served quickly however large the catalogue. A file whose new version is broken keeps serving its last good
/// version (with a warning) until it is fixed; a file that never loaded is left out. Not thread-safe: one caller
/// at a time (the site's reloader serialises its calls).
/// </summary>
public sealed class ContentBuilder
{
    public const string RolesFolder = "roles";
    public const string GuidesFolder = "guides";

    private readonly SortedDictionary<string, FileEntry> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly bool _includeUnpublished;
    private readonly IReadOnlySet<string> _reservedPaths;
    private readonly ParseCache? _cache;
    private int _fromCache;

    /// <summary>The last snapshot built, whose per-guide work the next build reuses.</summary>
    private ContentSnapshot? _previous;

    /// <summary>Linked folders the last full scan did not enter, reported with every build until the next scan.</summary>
    private List<Diagnostic> _folderDiagnostics = [];

    /// <param name="contentRoot">The content folder.</param>
    /// <param name="timeProvider">The clock: today's date decides scheduled guides and overdue reviews.</param>
    /// <param name="includeUnpublished">Whether drafts and scheduled guides are served (development) or hidden (production).</param>
    /// <param name="reservedPaths">Site paths that are not content pages but must not be used as old guide addresses.</param>
    /// <param name="cache">Results of earlier parses to reuse and add to (opened by the caller), or null to parse every file.</param>
    /// <exception cref="DirectoryNotFoundException">The content root does not exist (a configuration error, not a content error).</exception>
    public ContentBuilder(string contentRoot, TimeProvider timeProvider, bool includeUnpublished, IEnumerable<string>? reservedPaths = null, ParseCache? cache = null)
    {
        _cache = cache;
        Root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"The content folder '{Root}' does not exist.");
        }

        _timeProvider = timeProvider;
        _includeUnpublished = includeUnpublished;
        _reservedPaths = (reservedPaths ?? []).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The content folder's absolute path.</summary>
    public string Root { get; }

    /// <summary>
    /// Builds a new snapshot. With <paramref name="changedPaths"/> (absolute paths or paths under the root), reads
    /// only those files; without, rescans the whole folder (reading only files whose text changed).
    /// </summary>
    public LoadResult Build(IReadOnlyCollection<string>? changedPaths = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
        var relative = changedPaths?.Select(ToRelative).ToArray();
        var incremental = relative is not null && relative.All(p => p is not null);
        var ignored = new List<string>();
        _fromCache = 0;
        var read = incremental ? ReadChanged(relative!, today) : Rescan(today, ignored);
        var readDone = stopwatch.Elapsed;

        var diagnostics = new List<Diagnostic>(_folderDiagnostics);
        var (roles, brokenRoles, servingLastGood) = LinkRoles(diagnostics);
        var (guides, guidesServingLastGood) = LinkGuides(roles, brokenRoles, diagnostics);
        var redirects = CheckRedirects(guides, roles.Values, diagnostics);
        var linkDone = stopwatch.Elapsed;

        var snapshot = new ContentSnapshot(
            roles.Values,
            guides,
            diagnostics,
            Version(),
            _timeProvider.GetUtcNow(),
            new PublicationPolicy(_includeUnpublished, today),
            redirects,
            _previous);
        _previous = snapshot;
        var snapshotDone = stopwatch.Elapsed;

        // New parses are stored off the load's path; a full scan also drops entries of files that are gone or changed.
        _cache?.Flush(incremental ? null : [.. _files.Values.Select(e => e.Digest)]);
        var filesWithErrors = diagnostics.Where(d => d.IsError).Select(d => d.Path).Distinct(StringComparer.Ordinal).Count();
        return new LoadResult(snapshot, read, filesWithErrors, servingLastGood + guidesServingLastGood, stopwatch.Elapsed, incremental)
        {
            IgnoredFiles = ignored,
            FilesFromCache = _fromCache,
            Phases = new LoadPhases(readDone, linkDone - readDone, snapshotDone - linkDone),
        };
    }

    private sealed class FileEntry(string path)
    {
        public string Path { get; } = path;

        public bool IsRole { get; } = path.StartsWith(RolesFolder + "/", StringComparison.Ordinal);

        public string? Hash
        {
            get;
            set
            {
                field = value;
                Digest = DigestOf(Path, value);
            }
        }

        /// <summary>
        /// A digest of the path and the text's hash: the snapshot's version is a hash of every file's, and the parse
        /// cache names entries by it.
        /// </summary>
        public byte[] Digest { get; private set; } = DigestOf(path, null);

        public static byte[] DigestOf(string path, string? hash) => SHA256.HashData(Encoding.UTF8.GetBytes($"{path}\n{hash}\n"));

        /// <summary>The current text's role, or null when it has errors (or the file is a guide).</summary>
        public Role? Role { get; set; }

        public Role? LastGoodRole { get; set; }

        /// <summary>The current text's parsed guide, or null when it has errors (or the file is a role).</summary>
        public ParsedGuide? Guide { get; set; }

        public ParsedGuide? LastGoodGuide { get; set; }

        /// <summary>
        /// The guide last linked from this file, and the parsed version it was linked from: reused by the next build
        /// while that version and both its roles are unchanged, so a reload re-links only what a change touches.
        /// </summary>
        public (ParsedGuide Parsed, Guide Guide)? Linked { get; set; }

        public IReadOnlyList<Diagnostic> ParseDiagnostics { get; set; } = [];

        /// <summary>The day the current result was parsed for, and the review-by date its checks compared with it.</summary>
        public (DateOnly Day, DateOnly? ReviewBy) ParsedFor { get; set; }

        /// <summary>
        /// Whether the current result is the one a parse on <paramref name="today"/> would give (the parse cache's rule).
        /// Otherwise the rescan at midnight parses the unchanged file again, so its review-overdue warning appears on the day.
        /// </summary>
        public bool HoldsOn(DateOnly today) => ReviewDates.SameOn(ParsedFor.ReviewBy, ParsedFor.Day, today);
    }

    /// <summary>Rereads the whole folder: new and changed files are parsed, deleted ones dropped.</summary>
    private int Rescan(DateOnly today, List<string> ignored)
    {
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        var linkedFolders = new List<string>();
        foreach (var folder in new[] { RolesFolder, GuidesFolder })
        {
            var directory = Path.Combine(Root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            // Folders that are symbolic links are never entered (a link to a parent would otherwise be walked 40 levels
            // deep, and one leading outside would publish what is there); links to files are listed and checked when read.
            var files = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry entry) => entry.ToFullPath(),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
                ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                {
                    var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                    if (isLink)
                    {
                        linkedFolders.Add(entry.ToFullPath());
                    }

                    return !isLink;
                },
            };
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                if (ContentFiles.IsContentFile(file))
                {
                    onDisk.Add(relative);
                }
                else if (ContentFiles.IsEditorLeftover(file))
                {
                    ignored.Add(relative);
                }
            }
        }

        _folderDiagnostics = [.. linkedFolders.Order(StringComparer.Ordinal).Select(LinkedFolderDiagnostic)];
        foreach (var gone in _files.Keys.Where(p => !onDisk.Contains(p)).ToArray())
        {
            _files.Remove(gone);
        }

        // Files are independent until linking, so they are read and parsed in parallel; each task touches only its
        // own entry, created here first because the dictionary itself is not thread-safe.
        var entries = onDisk.Select(Entry).ToArray();
        var read = 0;
        Parallel.ForEach(entries, entry =>
        {
            if (Read(entry, today))
            {
                Interlocked.Increment(ref read);
            }
        });
        return read;
    }

    private FileEntry Entry(string path)
    {
        if (!_files.TryGetValue(path, out var entry))
        {
            entry = new FileEntry(path);
            _files.Add(path, entry);
        }

        return entry;
    }

    private int ReadChanged(IEnumerable<string> paths, DateOnly today)
    {
        var count = 0;
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(Root, path)))
            {
                count += Read(Entry(path), today) ? 1 : 0;
            }
            else
            {
                _files.Remove(path);
            }
        }

        return count;
    }

    /// <summary>Reads and parses one file if its text changed; returns whether it was parsed.</summary>
    private bool Read(FileEntry entry, DateOnly today)
    {
        var path = entry.Path;
        var bag = new DiagnosticBag(path);
        byte[] buffer;
        int count;
        try
        {
            var full = Path.Combine(Root, path);
            if (RefusedLink(full) is { } why)
            {
                bag.Error(SourceLocation.FileStart, DiagnosticCodes.LinkOutsideContent, why, null,
                    "Copy the file into the content folder instead of linking to it: the site serves only what is inside it.");
                (entry.Hash, entry.Role, entry.Guide, entry.LastGoodRole, entry.LastGoodGuide, entry.ParseDiagnostics) = (null, null, null, null, null, bag.Items);
                return true;
            }

            using var handle = File.OpenHandle(full);
            var length = RandomAccess.GetLength(handle);
            if (length > ContentLimits.MaxFileBytes)
            {
                bag.Error(SourceLocation.FileStart, DiagnosticCodes.FileTooLarge,
                    $"The file is {length:N0} bytes; the limit is {ContentLimits.MaxFileBytes:N0}. It is not read.", null,
                    "A guide or role is a few thousand words at most: split the text or remove what was pasted by mistake.");
                (entry.Hash, entry.Role, entry.Guide, entry.ParseDiagnostics) = (null, null, null, bag.Items);
                return true;
            }

            // A pooled buffer: the bytes are only hashed and decoded, and 10,000 guides are 93 MB of them.
            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                count = ReadAll(handle, buffer.AsSpan(0, (int)length));
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            bag.Error(SourceLocation.FileStart, DiagnosticCodes.UnreadableFile,
                $"The file could not be read: {e.Message}", null,
                "Check that the file exists and that the site is allowed to read it.");
            (entry.Hash, entry.Role, entry.Guide, entry.ParseDiagnostics) = (null, null, null, bag.Items);
            return true;
        }

        string text;
        try
        {
            var bytes = buffer.AsSpan(0, count);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes, digest);
            var digestText = Convert.ToHexStringLower(digest);
            if (digestText == entry.Hash && entry.HoldsOn(today))
            {
                return false;
            }

            entry.Hash = digestText;
            if (_cache?.TryRead(entry.Digest, today, path) is { } cached)
            {
                Interlocked.Increment(ref _fromCache);
                Apply(entry, cached.Role, cached.Guide, cached.Diagnostics);
                entry.ParsedFor = (today, cached.ReviewBy);
                return true;
            }

            text = ContentFiles.Decode(bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var hash = entry.Hash;
        Role? role = null;
        ParsedGuide? guide = null;
        if (entry.IsRole)
        {
            role = Guarded(bag, () => RoleReader.Read(path, text, today, bag)) is { } r ? r with { SourceHash = hash } : null;
        }
        else
        {
            guide = Guarded(bag, () => GuideReader.Parse(path, text, today, bag)) is { } g ? g with { SourceHash = hash } : null;
        }

        Apply(entry, role, guide, bag.Items);
        entry.ParsedFor = (today, bag.ReviewBy);

        // An unexpected fault is not stored: it may have come from the machine's state at the time rather than from
        // the file, so the next run parses the file again.
        if (!bag.Items.Any(d => d.Code == DiagnosticCodes.UnreadableFile))
        {
            _cache?.Add(entry.Digest, new CachedParse(path, today, bag.ReviewBy, [.. bag.Items], role, guide));
        }

        return true;
    }

    /// <summary>
    /// Reads the file from its start until <paramref name="buffer"/> (its length when opened) is full. A file that ends
    /// sooner is being rewritten (an editor truncates, then writes): like <see cref="File.ReadAllBytes(string)"/>, that
    /// is an error, so the half-written text is never parsed and the last good version stays served until the next save.
    /// </summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], total);
            if (read == 0)
            {
                throw new IOException($"it became shorter while it was being read ({total:N0} of {buffer.Length:N0} bytes)");
            }

            total += read;
        }

        return total;
    }

    private static void Apply(FileEntry entry, Role? role, ParsedGuide? guide, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (entry.IsRole)
        {
            entry.Role = role;
            entry.LastGoodRole = role ?? entry.LastGoodRole;
        }
        else
        {
            entry.Guide = guide;
        }

        entry.ParseDiagnostics = diagnostics;
    }

    private (Dictionary<string, Role> Roles, HashSet<string> Broken, int ServingLastGood) LinkRoles(List<Diagnostic> diagnostics)
    {
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var servingLastGood = 0;
        foreach (var entry in _files.Values.Where(e => e.IsRole))
        {
            diagnostics.AddRange(entry.ParseDiagnostics);
            var slug = Slugs.FromPath(entry.Path);
            var role = entry.Role ?? entry.LastGoodRole;
            if (role is not null && roles.TryGetValue(slug, out var first))
            {
                diagnostics.Add(DuplicateSlug(entry.Path, slug, first.SourcePath));
                continue;
            }

            if (role is null)
            {
                broken.Add(slug);
                continue;
            }

            if (entry.Role is null)
            {
                servingLastGood++;
                diagnostics.Add(LastGoodWarning(entry.Path));
            }

            roles.Add(slug, role);
        }

        broken.ExceptWith(roles.Keys);
        return (roles, broken, servingLastGood);
    }

    private (List<Guide> Guides, int ServingLastGood) LinkGuides(Dictionary<string, Role> roles, HashSet<string> brokenRoles, List<Diagnostic> diagnostics)
    {
        var guides = new Dictionary<string, Guide>(StringComparer.Ordinal);
        var servingLastGood = 0;

        // Each guide is linked on its own (the roles are only read), so a full load links them in parallel: on one
        // thread linking 10,000 guides took 175 ms with the other core idle. The results are then taken in order.
        var entries = _files.Values.Where(e => !e.IsRole).ToArray();
        var linked = new (Guide? Guide, DiagnosticBag Bag, bool LastGood)[entries.Length];
        Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = entries.Length > 500 ? -1 : 1 },
            i => linked[i] = LinkEntry(entries[i], roles, brokenRoles));
        for (var i = 0; i < entries.Length; i++)
        {
            var (entry, (guide, bag, lastGood)) = (entries[i], linked[i]);
            diagnostics.AddRange(entry.ParseDiagnostics);
            servingLastGood += lastGood ? 1 : 0;
            diagnostics.AddRange(bag.Items);
            if (guide is null)
            {
                continue;
            }

            if (guides.TryGetValue(guide.Slug, out var first))
            {
                diagnostics.Add(DuplicateSlug(entry.Path, guide.Slug, first.SourcePath));
                continue;
            }

            guides.Add(guide.Slug, guide);
        }

        return ([.. guides.Values], servingLastGood);
    }

    /// <summary>Links a guide file's current version or, when that cannot be published, its last good one.</summary>
    private static (Guide? Guide, DiagnosticBag Bag, bool LastGood) LinkEntry(FileEntry entry, Dictionary<string, Role> roles, HashSet<string> brokenRoles)
    {
        var bag = new DiagnosticBag(entry.Path);
        var guide = entry.Guide is null ? null : Link(entry, entry.Guide, roles, brokenRoles, bag);
        if (guide is not null)
        {
            entry.LastGoodGuide = entry.Guide;
            return (guide, bag, false);
        }

        if (entry.LastGoodGuide is not null && !ReferenceEquals(entry.LastGoodGuide, entry.Guide)
            && Link(entry, entry.LastGoodGuide, roles, brokenRoles, new DiagnosticBag(entry.Path)) is { } lastGood)
        {
            bag.Warning(SourceLocation.FileStart, DiagnosticCodes.ServingLastGood, LastGoodWarning(entry.Path).Message, null, LastGoodWarning(entry.Path).Hint);
            return (lastGood, bag, true);
        }

        return (null, bag, false);
    }

    /// <summary>
    /// Links a parsed guide to its roles, reusing the guide linked by the previous build when neither the parsed
    /// version nor either role has changed since (the same objects): a linked guide depends on nothing else.
    /// </summary>
    private static Guide? Link(FileEntry entry, ParsedGuide parsed, Dictionary<string, Role> roles, HashSet<string> brokenRoles, DiagnosticBag bag)
    {
        if (entry.Linked is { } linked && ReferenceEquals(linked.Parsed, parsed)
            && roles.TryGetValue(parsed.FromSlug, out var from) && ReferenceEquals(from, linked.Guide.From)
            && roles.TryGetValue(parsed.ToSlug, out var to) && ReferenceEquals(to, linked.Guide.To))
        {
            return linked.Guide;
        }

        var guide = GuideLinker.Link(parsed, roles, brokenRoles, bag);
        entry.Linked = guide is null ? null : (parsed, guide);
        return guide;
    }

    /// <summary>
    /// Old addresses must not shadow a live page or another guide's old address. A clashing old address is not
    /// redirected and is reported as an error on the guide that lists it; the guide itself stays published.
    /// </summary>
    private ImmutableDictionary<string, Guide> CheckRedirects(List<Guide> guides, IEnumerable<Role> roles, List<Diagnostic> diagnostics)
    {
        var redirects = ImmutableDictionary.CreateBuilder<string, Guide>(StringComparer.Ordinal);
        var withRedirects = guides.Where(g => !g.RedirectFrom.IsDefaultOrEmpty).ToList();
        if (withRedirects.Count == 0)
        {
            return redirects.ToImmutable();
        }

        var live = new HashSet<string>(_reservedPaths, StringComparer.Ordinal);
        live.UnionWith(guides.Select(g => g.Url));
        live.UnionWith(roles.Select(r => r.Url));
        foreach (var guide in withRedirects.OrderBy(g => g.SourcePath, StringComparer.Ordinal))
        {
            foreach (var source in guide.RedirectFrom)
            {
                var clash = live.Contains(source.Path)
                    ? "is the address of a live page"
                    : redirects.TryGetValue(source.Path, out var other) ? $"is already an old address of '{other.SourcePath}'" : null;
                if (clash is null)
                {
                    redirects.Add(source.Path, guide);
                    continue;
                }

                diagnostics.Add(new Diagnostic(guide.SourcePath, source.At.Line, source.At.Column, DiagnosticSeverity.Error,
                    DiagnosticCodes.RedirectCollision,
                    $"The old address '{source.Path}' {clash}, so it cannot redirect to this guide.", "redirect_from",
                    "Remove it from 'redirect_from'. The guide stays published; only this old address is not redirected."));
            }
        }

        return redirects.ToImmutable();
    }

    private static Diagnostic DuplicateSlug(string path, string slug, string firstPath) =>
        new(path, 1, 1, DiagnosticSeverity.Error, DiagnosticCodes.DuplicateSlug,
            $"The slug '{slug}' is already used by '{firstPath}'.", null,
            "Two files in different folders have the same name; each page needs its own. Rename or delete one of them.");

    private static Diagnostic LastGoodWarning(string path) =>
        new(path, 1, 1, DiagnosticSeverity.Warning, DiagnosticCodes.ServingLastGood,
            "The site keeps serving this file's last good version until the errors are fixed.", null,
            "Fix the errors reported for this file; the new version goes live as soon as it is valid.");

    /// <summary>
    /// Reads one file so that nothing in it, not even a fault in a parser, can stop the others from loading: an
    /// unexpected exception becomes an error diagnostic on that file.
    /// </summary>
    private static T? Guarded<T>(DiagnosticBag bag, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // The load is the boundary: one file's fault must not take the site down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            bag.Error(SourceLocation.FileStart, DiagnosticCodes.UnreadableFile,
                $"The file could not be read: {e.GetType().Name}: {e.Message}", null,
                "This is probably a bug in the site rather than in the file: report it with the file attached. The rest of the site is unaffected.");
            return null;
        }
    }

    private Diagnostic LinkedFolderDiagnostic(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        var target = new DirectoryInfo(fullPath).ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? "?";
        var outside = !IsInside(target);
        return new Diagnostic(relative, 1, 1, outside ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.LinkOutsideContent,
            outside
                ? $"The folder is a symbolic link to '{target}', outside the content folder; nothing in it is read."
                : $"The folder is a symbolic link to '{target}'; folders reached through links are not read.",
            null,
            "Move or copy the files into the content folder itself: the site reads only what is inside it, and follows no linked folder.");
    }

    private bool IsInside(string target)
    {
        var realRoot = new DirectoryInfo(Root).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Root;
        return target.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || target.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why a file is not read because of a symbolic link: it lies in a linked folder (never followed), or it is
    /// itself a link leading outside the content folder. Null for an ordinary file or a link to a file inside.
    /// </summary>
    private string? RefusedLink(string fullPath)
    {
        FileSystemInfo? item = new FileInfo(fullPath);
        while (item is not null && !string.Equals(item.FullName.TrimEnd(Path.DirectorySeparatorChar), Root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            if (item.LinkTarget is not null)
            {
                var target = item.ResolveLinkTarget(returnFinalTarget: true)?.FullName
                    ?? Path.GetFullPath(item.LinkTarget, Path.GetDirectoryName(item.FullName) ?? Root);
                if (item is DirectoryInfo)
                {
                    return $"The file is in '{Path.GetRelativePath(Root, item.FullName)}', a symbolic link to the folder '{target}'; folders reached through links are not read.";
                }

                if (!IsInside(target))
                {
                    return $"The file is a symbolic link to '{target}', outside the content folder; it is not read.";
                }
            }

            item = item is FileInfo file ? file.Directory : ((DirectoryInfo)item).Parent;
        }

        return null;
    }

    /// <summary>A path under roles/ or guides/ ending in .md, relative to the root; null for anything else (a full rescan follows).</summary>
    private string? ToRelative(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, path))).Replace('\\', '/');
        var inFolder = relative.StartsWith(RolesFolder + "/", StringComparison.Ordinal) || relative.StartsWith(GuidesFolder + "/", StringComparison.Ordinal);
        return inFolder && ContentFiles.IsContentFile(relative) && !Directory.Exists(Path.Combine(Root, relative)) ? relative : null;
    }

    private string Version()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in _files.Values)
        {
            hash.AppendData(entry.Digest);
        }

        hash.AppendData(Encoding.UTF8.GetBytes(_timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
