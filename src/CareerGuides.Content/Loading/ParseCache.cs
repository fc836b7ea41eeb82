using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Loading;

/// <summary>
/// Files parsed by an earlier run, kept on disk so that a restart parses only what changed. Parsing and rendering a
/// file depends only on its path, its bytes, the code that parses it and, for the review-by warning, today's date;
/// an entry is therefore named by a digest of the path and the bytes and kept in a folder named by the build (this
/// library, Markdig, YamlDotNet and the HTML sanitizer, by their module ids, which change whenever their code does),
/// and records the review-by date it was checked against. A stored result is used only while that date is still on
/// the same side of today. Anything wrong with an entry (unreadable, truncated, another format) makes it a miss: the
/// file is parsed as if there were no cache, and the entry is replaced.
/// </summary>
/// <remarks>
/// The cache holds rendered HTML that pages show as it is, so its folder must be private to the site's user: it is
/// created with owner-only permissions, and a folder that others can write to is not used.
/// </remarks>
public sealed class ParseCache
{
    /// <summary>Bumped whenever the entry layout below changes.</summary>
    private const int FormatVersion = 2;

    private static readonly byte[] Magic = "CGPC"u8.ToArray();

    private readonly ConcurrentQueue<(string Name, CachedParse Entry)> _pending = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _flushing = new();
    private Task _writing = Task.CompletedTask;

    /// <param name="root">The cache's root folder.</param>
    /// <param name="contentRoot">
    /// The content folder whose files it holds: each content folder has its own sub-folder per build (named by both),
    /// so sites over different folders can share a root without pruning each other's entries.
    /// </param>
    public ParseCache(string root, string contentRoot)
    {
        Root = Path.GetFullPath(root);
        _prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(contentRoot))))[..16] + "-";
        Folder = Path.Combine(Root, _prefix + BuildKey);
    }

    private readonly string _prefix;

    /// <summary>The cache's root folder.</summary>
    public string Root { get; }

    /// <summary>This build's folder.</summary>
    public string Folder { get; }

    /// <summary>Why the cache is not used (its folder cannot be created, or others can write to it); null when it works.</summary>
    public string? Problem { get; private set; }

    /// <summary>Entries found and used since the cache was created.</summary>
    public int Hits => Volatile.Read(ref _hits);

    private int _hits;

    /// <summary>
    /// The build's identity: the format version and the module ids of every assembly whose code decides a parse's
    /// result. A deterministic build of unchanged code keeps its ids, so a redeployment of the same code reuses the
    /// cache, and any change to the parser, the renderer or their libraries starts a new one.
    /// </summary>
    public static string BuildKey { get; } = ComputeBuildKey();

    private static string ComputeBuildKey()
    {
        // This library and everything it references, transitively (Markdig, YamlDotNet, the sanitizer and AngleSharp
        // beneath it, and the framework's own assemblies, whose ids change with a runtime update).
        var ids = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(ParseCache).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!ids.TryAdd(assembly.FullName ?? assembly.GetName().Name ?? "?", assembly.ManifestModule.ModuleVersionId))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // A reference never used at run time (none is in this build); its name still counts.
                    ids.TryAdd(reference.FullName, Guid.Empty);
                }
            }
        }

        var text = new StringBuilder().Append(FormatVersion).Append('|').Append(RuntimeInformation.FrameworkDescription);
        foreach (var (name, id) in ids)
        {
            text.Append('|').Append(name).Append('=').Append(id.ToString("N"));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// Makes the folder (owner-only) and removes other builds' folders for the same content, which this build can never use. Returns
    /// false, with <see cref="Problem"/> set, when the cache cannot be used; the load then parses every file.
    /// </summary>
    public bool Open()
    {
        try
        {
            CreatePrivate(Root);
            if (!MakeOwnerOnly(Root))
            {
                Problem = $"the folder '{Root}' belongs to another user or can be written to by others, so what it holds cannot be trusted";
                return false;
            }

            CreatePrivate(Folder);
            if (!MakeOwnerOnly(Folder))
            {
                Problem = $"the folder '{Folder}' belongs to another user or can be written to by others, so what it holds cannot be trusted";
                return false;
            }

            foreach (var other in Directory.EnumerateDirectories(Root, _prefix + "*").Where(d => !string.Equals(d, Folder, StringComparison.Ordinal)))
            {
                TryDeleteFolder(other);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"the folder '{Folder}' could not be created: {e.Message}";
            return false;
        }
    }

    /// <summary>The stored result for a file, if there is one that holds for <paramref name="today"/>.</summary>
    /// <param name="digest">The file's digest (of its path and bytes).</param>
    /// <param name="today">Today's date.</param>
    /// <param name="path">The file's path under the content root (checked against the entry's).</param>
    internal CachedParse? TryRead(byte[] digest, DateOnly today, string path)
    {
        if (Problem is not null)
        {
            return null;
        }

        var file = Path.Combine(Folder, Convert.ToHexStringLower(digest));

        // A miss is the rule on a first start (every file of the catalogue): asked first, it costs a stat rather than
        // a thrown FileNotFoundException, about ten times as much. One deleted in between is still caught below.
        if (!File.Exists(file))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        CachedParse? entry;
        try
        {
            entry = Decode(bytes);
        }
#pragma warning disable CA1031 // Whatever is wrong with an entry (a hand-edited file, a bug in an old encoder), it is a miss, never a failed load.
        catch (Exception)
#pragma warning restore CA1031
        {
            entry = null;
        }

        if (entry is null || !string.Equals(entry.Path, path, StringComparison.Ordinal) || !entry.HoldsOn(today))
        {
            return null;
        }

        Interlocked.Increment(ref _hits);
        return entry;
    }

    /// <summary>
    /// Queues a parse's result to be stored; <see cref="Flush"/> writes what is queued, off the caller's thread. The
    /// entry is encoded only then: until it is written it shares its objects with the snapshot.
    /// </summary>
    internal void Add(byte[] digest, CachedParse entry)
    {
        if (Problem is null)
        {
            _pending.Enqueue((Convert.ToHexStringLower(digest), entry));
        }
    }

    /// <summary>
    /// Holds back writing: what <see cref="Flush"/> is asked to write from now on is written once
    /// <see cref="ReleaseWrites"/> is called (writes already under way finish first, as ever). A site holds its first
    /// load's entries until it has answered: a first start stores every file of the catalogue, and written at once
    /// that competed with the first answer for the processor (docs/performance.md). One hold per cache: once
    /// released, writes are never held again and a later call does nothing.
    /// </summary>
    public void HoldWrites()
    {
        lock (_flushing)
        {
            if (!_released.Task.IsCompleted)
            {
                _writing = Task.WhenAll(_writing, _released.Task);
            }
        }
    }

    /// <summary>Lets held writes go ahead (and any later ones at once); harmless when nothing is held.</summary>
    public void ReleaseWrites() => _released.TrySetResult();

    /// <summary>
    /// Writes the queued entries in the background (each to a temporary file renamed into place, so a reader never
    /// sees half an entry) and, when <paramref name="keep"/> is given, deletes entries not named in it: the files
    /// of a full scan are the only ones a later run can ask for.
    /// </summary>
    /// <returns>The write, for callers that must know it has finished (tests); while writes are held it ends only after <see cref="ReleaseWrites"/>.</returns>
    public Task Flush(IReadOnlyCollection<byte[]>? keep = null)
    {
        // A reload's build and the site's start-up work may both flush: each chains its writes after the last.
        lock (_flushing)
        {
            return FlushLocked(keep);
        }
    }

    private Task FlushLocked(IReadOnlyCollection<byte[]>? keep)
    {
        if (Problem is not null || (_pending.IsEmpty && keep is null))
        {
            return _writing;
        }

        // This flush's own entries and keep-list: entries a later build queues are written by its own flush, after
        // this one's pruning, so a prune never deletes what a later build has just stored.
        var batch = new List<(string Name, CachedParse Entry)>();
        while (_pending.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        var names = keep?.Select(Convert.ToHexStringLower).ToHashSet(StringComparer.Ordinal);
        var previous = _writing;
        _writing = Task.Run(async () =>
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                Write(batch);
                if (names is not null)
                {
                    Prune(names);
                }
            }
#pragma warning disable CA1031 // Storing is best effort: a fault here must not stop later writes, nor reach the site.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The entries not written are parsed again next time.
            }
        });
        return _writing;
    }

    private void Write(List<(string Name, CachedParse Entry)> batch)
    {
        // One buffer for every entry: a first start stores thousands, and should not leave garbage in proportion.
        using var buffer = new MemoryStream();
        foreach (var item in batch)
        {
            var target = Path.Combine(Folder, item.Name);
            var temporary = Path.Combine(Folder, Path.GetRandomFileName() + ".tmp");
            try
            {
                buffer.SetLength(0);
                Encode(item.Entry, buffer);
                using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
                {
                    file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                }

                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk or a folder removed under us: the entry is simply not stored, and the file will be
                // parsed again next time.
                TryDelete(temporary);
            }
        }
    }

    private void Prune(HashSet<string> keep)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder))
            {
                // A temporary file is another writer's entry on its way in, unless it is old enough to be left over.
                var name = Path.GetFileName(file);
                var leftover = name.EndsWith(".tmp", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddMinutes(-10);
                if (leftover || (!keep.Contains(name) && !name.EndsWith(".tmp", StringComparison.Ordinal)))
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pruning is housekeeping; the next full scan tries again.
        }
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// Sets the folder to owner-only (only its owner may change its mode, so this fails on a folder someone else
    /// made) and checks that it took.
    /// </summary>
    private static bool MakeOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        return (File.GetUnixFileMode(folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune.
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be using it; left for a later start.
        }
    }

    internal static byte[] Encode(CachedParse entry)
    {
        using var stream = new MemoryStream();
        Encode(entry, stream);
        return stream.ToArray();
    }

    /// <summary>Writes an entry at the start of an empty <paramref name="stream"/>.</summary>
    private static void Encode(CachedParse entry, MemoryStream stream)
    {
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(entry.Path);
            w.Write(entry.Today.DayNumber);
            WriteDate(w, entry.ReviewBy);
            w.Write(entry.Diagnostics.Count);
            foreach (var d in entry.Diagnostics)
            {
                w.Write(d.Path);
                w.Write(d.Line);
                w.Write(d.Column);
                w.Write((byte)d.Severity);
                w.Write(d.Code);
                w.Write(d.Message);
                WriteString(w, d.Field);
                w.Write(d.Hint);
            }

            if (entry.Role is { } role)
            {
                w.Write((byte)1);
                WriteRole(w, role);
            }
            else if (entry.Guide is { } guide)
            {
                w.Write((byte)2);
                WriteGuide(w, guide);
            }
            else
            {
                w.Write((byte)0);
            }

        }

        // A checksum of everything before it: a damaged entry (a bit flipped in a string decodes without complaint)
        // is a miss, never wrong content.
        Span<byte> checksum = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length), checksum);
        stream.Write(checksum);
    }

    internal static CachedParse? Decode(byte[] bytes)
    {
        const int ChecksumLength = SHA256.HashSizeInBytes;
        if (bytes.Length < Magic.Length + ChecksumLength
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            return null;
        }

        using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - ChecksumLength, writable: false), Encoding.UTF8);
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != FormatVersion)
        {
            return null;
        }

        var path = r.ReadString();
        var today = DateOnly.FromDayNumber(r.ReadInt32());
        var reviewBy = ReadDate(r);
        var diagnostics = new Diagnostic[Count(r)];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            diagnostics[i] = new Diagnostic(r.ReadString(), r.ReadInt32(), r.ReadInt32(), Severity(r.ReadByte()), r.ReadString(), r.ReadString(), ReadString(r), r.ReadString());
        }

        var kind = r.ReadByte();
        var role = kind == 1 ? ReadRole(r) : null;
        var guide = kind == 2 ? ReadGuide(r) : null;
        if (kind > 2 || r.BaseStream.Position != r.BaseStream.Length)
        {
            return null;
        }

        return new CachedParse(path, today, reviewBy, diagnostics, role, guide);
    }

    private static void WriteRole(BinaryWriter w, Role role)
    {
        w.Write(role.Slug);
        w.Write(role.SourcePath);
        w.Write(role.Title);
        w.Write(role.Sector);
        w.Write(role.Summary);
        foreach (var band in new[] { role.Salary.Entry, role.Salary.MidCareer, role.Salary.Senior })
        {
            w.Write(band.Min);
            w.Write(band.Max);
            w.Write(band.OpenEnded);
        }

        w.Write(role.SalarySource.Name);
        WriteString(w, role.SalarySource.Url?.OriginalString);
        w.Write(role.SalarySource.Reviewed.DayNumber);
        WriteList(w, role.TypicalDay, (w, day) =>
        {
            w.Write(day.Activity);
            w.Write(day.Detail);
        });

        WriteText(w, role.OverviewHtml);
        w.Write(role.Draft);
        w.Write(role.SourceHash);
    }

    private static Role ReadRole(BinaryReader r)
    {
        var (slug, sourcePath, title, sector, summary) = (r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString());
        var salary = new SalaryBands(ReadBand(r), ReadBand(r), ReadBand(r));
        var source = new SalarySource(r.ReadString(), ReadString(r) is { } url ? new Uri(url, UriKind.RelativeOrAbsolute) : null, DateOnly.FromDayNumber(r.ReadInt32()));
        var day = ReadList(r, r => new DayActivity(r.ReadString(), r.ReadString()));
        return new Role(slug, sourcePath, title, sector, summary, salary, source, day, ReadText(r), r.ReadBoolean())
        {
            SourceHash = r.ReadString(),
        };
    }

    private static SalaryBand ReadBand(BinaryReader r) => new(r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());

    private static void WriteGuide(BinaryWriter w, ParsedGuide g)
    {
        w.Write(g.Slug);
        w.Write(g.SourcePath);
        w.Write(g.FromSlug);
        WriteLocation(w, g.FromAt);
        w.Write(g.ToSlug);
        WriteLocation(w, g.ToAt);
        w.Write(g.Summary);
        WriteRange(w, g.TimelineMonths);
        w.Write((int)g.Difficulty);
        w.Write(g.YearsToMidCareer.HasValue);
        if (g.YearsToMidCareer is { } years)
        {
            WriteRange(w, years);
        }

        WriteList(w, g.TransferableSkills, (w, skill) =>
        {
            w.Write(skill.Skill);
            WriteText(w, skill.InOldRole);
            WriteText(w, skill.InNewRole);
        });
        WriteList(w, g.SkillsToBuild, (w, skill) =>
        {
            w.Write(skill.Skill);
            WriteText(w, skill.Why);
        });
        WriteList(w, g.Faqs, (w, faq) =>
        {
            w.Write(faq.Question);
            WriteText(w, faq.AnswerHtml);
        });

        w.Write(g.Published.DayNumber);
        w.Write(g.Updated.DayNumber);
        WriteText(w, g.Sections.CanYouMove);
        WriteText(w, g.Sections.WhyPeopleMove);
        WriteText(w, g.Sections.HowRealistic);
        WriteText(w, g.Sections.InterviewFraming);
        w.Write(g.Draft);
        WriteList(w, g.RedirectFrom.IsDefault ? [] : g.RedirectFrom, (w, redirect) =>
        {
            w.Write(redirect.Path);
            WriteLocation(w, redirect.At);
        });

        w.Write(g.SourceHash);
    }

    private static ParsedGuide ReadGuide(BinaryReader r)
    {
        var (slug, sourcePath, fromSlug, fromAt, toSlug, toAt, summary) = (r.ReadString(), r.ReadString(), r.ReadString(), ReadLocation(r), r.ReadString(), ReadLocation(r), r.ReadString());
        var timeline = ReadRange(r);
        var difficulty = (Difficulty)r.ReadInt32();
        if (!Enum.IsDefined(difficulty))
        {
            throw new InvalidDataException("Unknown difficulty.");
        }

        IntRange? years = r.ReadBoolean() ? ReadRange(r) : null;
        var transferable = ReadList(r, r => new TransferableSkill(r.ReadString(), ReadText(r), ReadText(r)));
        var toBuild = ReadList(r, r => new SkillToBuild(r.ReadString(), ReadText(r)));
        var faqs = ReadList(r, r => new Faq(r.ReadString(), ReadText(r)));

        var (published, updated) = (DateOnly.FromDayNumber(r.ReadInt32()), DateOnly.FromDayNumber(r.ReadInt32()));
        var sections = new GuideSections(ReadText(r), ReadText(r), ReadText(r), ReadText(r));
        var draft = r.ReadBoolean();
        var redirects = ReadList(r, r => new RedirectSource(r.ReadString(), ReadLocation(r)));
        return new ParsedGuide(slug, sourcePath, fromSlug, fromAt, toSlug, toAt, summary, timeline, difficulty, years,
            transferable, toBuild, faqs, published, updated, sections, draft, redirects)
        {
            SourceHash = r.ReadString(),
        };
    }

    private static void WriteList<T>(BinaryWriter w, ImmutableArray<T> items, Action<BinaryWriter, T> write)
    {
        w.Write(items.Length);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    private static ImmutableArray<T> ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[Count(r)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private static int Count(BinaryReader r)
    {
        var count = r.ReadInt32();
        return count is >= 0 and <= 100_000 ? count : throw new InvalidDataException("Implausible count.");
    }

    private static DiagnosticSeverity Severity(byte value) =>
        Enum.IsDefined((DiagnosticSeverity)value) ? (DiagnosticSeverity)value : throw new InvalidDataException("Unknown severity.");

    private static void WriteText(BinaryWriter w, Utf8Text text)
    {
        w.Write(text.Bytes.Length);
        w.Write(text.Bytes);
    }

    private static Utf8Text ReadText(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException("Implausible length.");
        }

        return Utf8Text.FromBytes(r.ReadBytes(length));
    }

    private static void WriteString(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteDate(BinaryWriter w, DateOnly? date)
    {
        w.Write(date.HasValue);
        if (date is { } value)
        {
            w.Write(value.DayNumber);
        }
    }

    private static DateOnly? ReadDate(BinaryReader r) => r.ReadBoolean() ? DateOnly.FromDayNumber(r.ReadInt32()) : null;

    private static void WriteLocation(BinaryWriter w, SourceLocation at)
    {
        w.Write(at.Line);
        w.Write(at.Column);
    }

    private static SourceLocation ReadLocation(BinaryReader r) => new(r.ReadInt32(), r.ReadInt32());

    private static void WriteRange(BinaryWriter w, IntRange range)
    {
        w.Write(range.Min);
        w.Write(range.Max);
    }

    private static IntRange ReadRange(BinaryReader r) => new(r.ReadInt32(), r.ReadInt32());
}

/// <summary>One file's parse as stored: its result (a role, a guide or neither) and its diagnostics.</summary>
/// <param name="Path">The file's path under the content root.</param>
/// <param name="Today">The date it was parsed on.</param>
/// <param name="ReviewBy">The review-by date its checks compared with that date, if the file has one.</param>
/// <param name="Diagnostics">What the parse reported.</param>
/// <param name="Role">The role, for a role file without errors.</param>
/// <param name="Guide">The parsed guide, for a guide file without errors.</param>
internal sealed record CachedParse(string Path, DateOnly Today, DateOnly? ReviewBy, IReadOnlyList<Diagnostic> Diagnostics, Role? Role, ParsedGuide? Guide)
{
    /// <summary>Whether the result is the one a parse on <paramref name="today"/> would give: the review-by date, if any, is passed on both days or on neither.</summary>
    public bool HoldsOn(DateOnly today) => ReviewDates.SameOn(ReviewBy, Today, today);
}
