using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CareerGuides.Web.Seo;

/// <summary>
/// HTTP semantics for search engines and caches, decided before a page is rendered:
/// <list type="bullet">
/// <item>a letter-case, trailing-slash or repeated-slash variant of a published page's path answers 301 to the
/// canonical path (query kept); anything else that is not published goes on to its real 404;</item>
/// <item>a published page or file carries its ETag, Last-Modified and <c>Cache-Control: public</c>, and a
/// conditional GET or HEAD that still matches answers 304 without rendering anything;</item>
/// <item>every error response (4xx, 5xx) is <c>Cache-Control: no-store</c> with no validators;</item>
/// <item>HEAD runs like GET and its body is discarded.</item>
/// </list>
/// </summary>
internal sealed class SeoMiddleware(RequestDelegate next, SeoCatalog catalog, TimeProvider timeProvider)
{
    /// <summary>Pages change when editors publish: caches may keep them five minutes, and serve them stale for ten more while revalidating.</summary>
    public const string PageCacheControl = "public, max-age=300, stale-while-revalidate=600";

    /// <summary>A variant's redirect is permanent, but kept for a day rather than forever in case a page is removed.</summary>
    public const string RedirectCacheControl = "public, max-age=86400";

    public const string ErrorCacheControl = "no-store";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var state = new ResponseState(context);
        context.Response.OnStarting(static s => ((ResponseState)s).OnStarting(), state);
        context.Features.Set<SeoFeature>(null);

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        if (HttpMethods.IsHead(request.Method))
        {
            // HEAD is answered exactly like GET, headers and all, but whatever the page writes is dropped here rather
            // than trusting each server to do it (Kestrel does; the in-memory test server does not).
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        }

        var site = catalog.Current;
        var path = request.Path.HasValue ? request.Path.Value : "/";
        if (site.Find(path) is { } resource)
        {
            context.Features.Set(new SeoFeature(site, resource));
            state.Resource = resource;
            state.LastModified = NotAfterNow(resource.LastModified);
            if (IsNotModified(request, resource.ETag, state.LastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            return next(context);
        }

        if (site.FindCanonical(path) is { } canonical)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = canonical + request.QueryString;
            context.Response.Headers.CacheControl = RedirectCacheControl;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>A server must not claim a change later than its own clock (RFC 9110, 8.8.2.1).</summary>
    private DateTimeOffset? NotAfterNow(DateTimeOffset? lastModified)
    {
        var now = timeProvider.GetUtcNow();
        return lastModified > now ? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero) : lastModified;
    }

    /// <summary>
    /// RFC 9110, 13.2.2: If-None-Match decides when present (weak comparison, "*" matches); otherwise
    /// If-Modified-Since does, and only for a dated response.
    /// </summary>
    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }

    /// <summary>Sets the caching headers once the final status is known (a page may still answer 404).</summary>
    private sealed class ResponseState(HttpContext context)
    {
        public SeoResource? Resource { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public Task OnStarting()
        {
            var response = context.Response;
            var headers = response.GetTypedHeaders();
            if (response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                response.Headers.CacheControl = ErrorCacheControl;
                response.Headers.ETag = default;
                response.Headers.LastModified = default;
            }
            else if (Resource is not null && response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                headers.ETag = Resource.ETag;
                headers.LastModified = LastModified;
                response.Headers.CacheControl = PageCacheControl;
            }

            return Task.CompletedTask;
        }
    }
}
