using System.Collections.Concurrent;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using CareerGuides.Web.Seo;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// Published pages and files answered ahead of the pipeline. The first plain GET of a published path (per
/// Accept-Encoding value) goes through the whole pipeline (SEO validators, the output cache, compression, Razor) and
/// its final answer is kept: status 200, its headers and the exact bytes sent. Later plain GETs of the same path with
/// the same Accept-Encoding are answered from that copy without running anything else.
/// <para>
/// Why it exists: a profile of the cached guide page showed the output cache and the middleware around it cost
/// several times what writing the bytes does (docs/performance.md, "Cached guide page vs nginx").
/// </para>
/// What keeps it exactly equivalent to the pipeline:
/// <list type="bullet">
/// <item>it sits after host filtering, the security filters and the rate limiter, and the security headers are
/// applied to its answers by the same code as to every other response (they are never stored);</item>
/// <item>only a GET with no query string and no If-None-Match / If-Modified-Since is answered here; HEAD,
/// conditional requests and everything else take the pipeline (which answers 304, HEAD and 301s);</item>
/// <item>only what the pipeline answered with 200 for a path the SEO catalog publishes, without a cookie, completely,
/// is kept, per exact path (so a case or slash variant still gets its 301) and exact Accept-Encoding value;</item>
/// <item>copies belong to the content snapshot that rendered them, and none is served once another snapshot is
/// current, so a saved file is served at once; like the output cache's entries, a copy expires after an hour;</item>
/// <item>the copies' bodies together stay within a byte budget; beyond it pages are still served, by the pipeline.</item>
/// </list>
/// </summary>
internal sealed class PageFastPath
{
    /// <summary>As long as the output cache keeps a page (see PerformanceExtensions).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A response larger than this is not kept (no page comes near it).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Longer Accept-Encoding values are not keys (real browsers send about 25 characters).</summary>
    private const int MaxAcceptEncodingLength = 100;

    /// <summary>What each copy costs besides its body (headers, key, entry), counted against the budget.</summary>
    private const int EntryOverheadBytes = 1024;

    /// <summary>Headers never kept: set per response by the server, by the output cache, or by the security middleware.</summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Age, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.SetCookie,
        HeaderNames.Connection, HeaderNames.KeepAlive,
    };

    private readonly ContentStore _store;
    private readonly TimeProvider _clock;
    private readonly long _budgetBytes;
    private Generation _generation;
    private long _hits;

    public PageFastPath(ContentStore store, TimeProvider clock, long budgetBytes)
    {
        _store = store;
        _clock = clock;
        _budgetBytes = budgetBytes;
        _generation = new Generation(store.Current);
    }

    /// <summary>Requests answered here since start-up (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Copies kept for the snapshot being served.</summary>
    public int Count => Volatile.Read(ref _generation) is var generation && generation.Snapshot == _store.Current ? generation.Entries.Count : 0;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || request.QueryString.HasValue
            || request.Headers.IfNoneMatch.Count > 0
            || request.Headers.IfModifiedSince.Count > 0
            || request.Path.Value is not { Length: > 0 } path)
        {
            return next(context);
        }

        var acceptEncoding = request.Headers.AcceptEncoding;
        if (acceptEncoding.Count > 1 || (acceptEncoding.Count == 1 && acceptEncoding[0]!.Length > MaxAcceptEncodingLength))
        {
            return next(context);
        }

        var key = new Key(path, acceptEncoding.Count == 0 ? "" : acceptEncoding[0]!);
        var generation = Volatile.Read(ref _generation);
        if (generation.Snapshot == _store.Current && generation.Entries.TryGetValue(key, out var entry))
        {
            if (_clock.GetUtcNow() < entry.Expires)
            {
                Interlocked.Increment(ref _hits);
                return ServeAsync(context.Response, entry);
            }

            if (generation.Entries.TryRemove(new KeyValuePair<Key, Entry>(key, entry)))
            {
                Interlocked.Add(ref generation.Bytes, -entry.Cost);
            }
        }

        return CaptureAsync(context, next, key);
    }

    private static Task ServeAsync(HttpResponse response, Entry entry)
    {
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in entry.Headers)
        {
            headers[name] = value;
        }

        response.ContentLength = entry.Body.Length;
        var write = response.BodyWriter.WriteAsync(entry.Body);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    /// <summary>Runs the pipeline with a copy of what it sends kept on the side, and keeps the answer if it qualifies.</summary>
    private async Task CaptureAsync(HttpContext context, RequestDelegate next, Key key)
    {
        // The request's own snapshot, taken now, is the one the pipeline renders from (it is scoped to the request).
        var snapshot = context.RequestServices.GetRequiredService<ContentSnapshot>();
        var generation = GenerationFor(snapshot);
        if (generation is null || generation.Bytes >= _budgetBytes)
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var copy = new CopyingStream(original.Stream, MaxBodyBytes);
        var copying = new StreamResponseBodyFeature(copy, original);
        context.Features.Set<IHttpResponseBodyFeature>(copying);
        try
        {
            await next(context);
            await copying.CompleteAsync(); // whatever the pipeline left in the feature's writer goes out (and into the copy)
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || context.Features.Get<SeoFeature>() is null
            || response.Headers.SetCookie.Count > 0
            || context.RequestAborted.IsCancellationRequested
            || copy.Overflowed
            || (response.ContentLength is { } length && length != copy.Length))
        {
            return;
        }

        var body = copy.ToArray();
        var headers = response.Headers
            .Where(h => !NotStored.Contains(h.Key) && !SecurityExtensions.SecurityHeaders.Names.Contains(h.Key))
            .ToArray();
        var cost = body.Length + EntryOverheadBytes;
        if (Interlocked.Add(ref generation.Bytes, cost) > _budgetBytes)
        {
            Interlocked.Add(ref generation.Bytes, -cost);
            return;
        }

        if (!generation.Entries.TryAdd(key, new Entry(headers, body, _clock.GetUtcNow() + Lifetime, cost)))
        {
            Interlocked.Add(ref generation.Bytes, -cost);
        }
    }

    /// <summary>The copies of <paramref name="snapshot"/>, started afresh when it became current; null once it is not.</summary>
    private Generation? GenerationFor(ContentSnapshot snapshot)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _generation);
            if (generation.Snapshot == snapshot)
            {
                return generation;
            }

            if (snapshot != _store.Current)
            {
                return null;
            }

            // The old snapshot's copies go with their generation, all at once.
            if (Interlocked.CompareExchange(ref _generation, new Generation(snapshot), generation) == generation)
            {
                return Volatile.Read(ref _generation);
            }
        }
    }

    private readonly record struct Key(string Path, string AcceptEncoding);

    private sealed record Entry(KeyValuePair<string, StringValues>[] Headers, byte[] Body, DateTimeOffset Expires, long Cost);

    private sealed class Generation(ContentSnapshot snapshot)
    {
        public ContentSnapshot Snapshot { get; } = snapshot;

        public ConcurrentDictionary<Key, Entry> Entries { get; } = new();

        public long Bytes;
    }

    /// <summary>Writes through to the response and keeps a copy of the bytes, up to a limit.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        public bool Overflowed => _copy is null;

        public override long Length => _copy?.Length ?? -1;

        public byte[] ToArray() => _copy?.ToArray() ?? [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Keep(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Keep(buffer.Span);
        }

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + buffer.Length > limit)
            {
                _copy.Dispose();
                _copy = null;
                return;
            }

            _copy.Write(buffer);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _copy?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
