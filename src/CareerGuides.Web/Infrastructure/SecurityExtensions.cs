using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// What the site does against hostile requests, in one place (docs/security.md lists it with its tests):
/// <list type="bullet">
/// <item>Kestrel: no Server header; request line, header and body limits (414, 431, 413);</item>
/// <item>host filtering: only the hosts in <c>AllowedHosts</c> are answered (400 otherwise; ASP.NET's own
/// middleware, enabled by the setting);</item>
/// <item>forwarded headers: the client address and scheme are read from X-Forwarded-For/-Proto only when the
/// connection comes from a configured proxy;</item>
/// <item>requests: only GET and HEAD (405), no control characters or encoded slashes in the path (400);</item>
/// <item>a rate limit per client address (429 with Retry-After);</item>
/// <item>security headers on every response, error pages included: CSP, HSTS (HTTPS, outside Development),
/// X-Content-Type-Options, Referrer-Policy, Permissions-Policy, X-Frame-Options, COOP and CORP.</item>
/// </list>
/// </summary>
public static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ForwardedHeaders.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Security:ForwardedHeaders:KnownProxies must be IP addresses.")
            .Validate(o => o.ForwardedHeaders.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Security:ForwardedHeaders:KnownNetworks must be CIDR networks such as 10.0.0.0/8.")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;          // 414 beyond
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024; // 431 beyond
            kestrel.Limits.MaxRequestHeaderCount = 64;             // 431 beyond
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;         // the site takes no request bodies
        });

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            var settings = security.Value.ForwardedHeaders;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.ForwardLimit;

            // The defaults trust loopback; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((limiter, security) =>
        {
            var settings = security.Value.RateLimit;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsHealthProbe(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = ClientKey(context.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(WritePlainAsync(response, StatusCodes.Status429TooManyRequests,
                    $"Too many requests from your address. Please retry after {seconds} seconds.", cancellationToken));
            };
        });
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    /// <summary>Adds the request filters, rate limiter and security headers; call it first in the pipeline.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.ForwardedHeaders.Any)
        {
            // Only with a configured proxy: with no known proxies the middleware would trust every sender.
            app.UseForwardedHeaders();
        }

        var headers = new SecurityHeaders(security, app.Environment.IsDevelopment());
        app.Use((context, next) =>
        {
            context.Response.OnStarting(headers.ApplyOnStarting, context.Response);
            return next(context);
        });

        // Only when enabled: a limiter that limits nothing still costs a partition lookup and a lease per request.
        if (security.RateLimit.Enabled)
        {
            app.UseRateLimiter(); // before the filters below, so that refused requests count too
        }

        app.Use(RejectOddRequests);
        return app;
    }

    /// <summary>
    /// The rate limit's partition: an IPv4 address, or an IPv6 address's /64 network (one subscriber's allocation,
    /// so that rotating through the addresses of one's own network does not escape the limit).
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static bool IsHealthProbe(PathString path) =>
        path.Equals("/healthz", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The site only reads: any method but GET and HEAD is 405. A path with a control character (a NUL, say) or an
    /// encoded slash or backslash names no page and is a common way to confuse what sits behind: 400.
    /// </summary>
    private static Task RejectOddRequests(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return WritePlainAsync(context.Response, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD are allowed.", context.RequestAborted);
        }

        var path = request.Path.Value ?? "";
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (IsOdd(path) || (!string.IsNullOrEmpty(rawTarget) && IsOdd(rawTarget)))
        {
            return WritePlainAsync(context.Response, StatusCodes.Status400BadRequest, "Bad request: the address holds characters no page has.", context.RequestAborted);
        }

        return next();
    }

    /// <summary>
    /// A control character, a backslash, or an encoded slash, backslash or NUL (raw or as decoded). Runs on every
    /// request, so it reads the path in place rather than splitting or enumerating it.
    /// </summary>
    internal static bool IsOdd(ReadOnlySpan<char> path)
    {
        var query = path.IndexOf('?');
        var pathOnly = query < 0 ? path : path[..query];
        if (pathOnly.IndexOfAny(ControlOrBackslash) >= 0)
        {
            return true;
        }

        for (var percent = pathOnly.IndexOf('%'); percent >= 0; percent = pathOnly.IndexOf('%'))
        {
            var escape = pathOnly[percent..];
            if (escape.StartsWith("%2f", StringComparison.OrdinalIgnoreCase)
                || escape.StartsWith("%5c", StringComparison.OrdinalIgnoreCase)
                || escape.StartsWith("%00", StringComparison.Ordinal))
            {
                return true;
            }

            pathOnly = pathOnly[(percent + 1)..];
        }

        return false;
    }

    /// <summary>What <see cref="char.IsControl(char)"/> accepts (C0, DEL and C1), and the backslash.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlOrBackslash = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsControl(c) || c == '\\')]);

    /// <summary>Answers with a short text body, so the status-code pages do not re-run the request as a page.</summary>
    private static Task WritePlainAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync(message + "\n", cancellationToken);
    }

    /// <summary>The header values, computed once.</summary>
    internal sealed class SecurityHeaders
    {
        private readonly SecurityOptions _options;
        private readonly bool _development;

        public SecurityHeaders(SecurityOptions options, bool development)
        {
            _options = options;
            _development = development;
            _hsts = $"max-age={options.Hsts.MaxAgeDays * 86400}"
                + (options.Hsts.IncludeSubDomains ? "; includeSubDomains" : "")
                + (options.Hsts.Preload ? "; preload" : "");
            ApplyOnStarting = state =>
            {
                Apply((HttpResponse)state);
                return Task.CompletedTask;
            };
        }

        /// <summary>
        /// The names of every header <see cref="Apply"/> sets or removes: they are decided per response (HSTS
        /// depends on the scheme), so whatever stores a response must not store them.
        /// </summary>
        public static readonly FrozenSet<string> Names = new[]
        {
            "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy",
            "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Server", "X-Powered-By", "Strict-Transport-Security",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        /// <summary><see cref="Apply"/> as an OnStarting callback whose state is the response (one delegate, no allocation per request).</summary>
        public Func<object, Task> ApplyOnStarting { get; }

        private readonly string _hsts;

        private const string PermissionsPolicy =
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

        /// <summary>
        /// Set as the response starts, so they are on every response: pages, files, redirects, 304s and errors (the
        /// exception handler clears headers set earlier, not these).
        /// </summary>
        public void Apply(HttpResponse response)
        {
            var headers = response.Headers;
            headers.ContentSecurityPolicy = _options.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.Remove("Server");
            headers.Remove("X-Powered-By");

            // HSTS only over HTTPS (browsers ignore it on http), and not in Development, where it would stick to localhost.
            if (!_development && response.HttpContext.Request.IsHttps)
            {
                headers.StrictTransportSecurity = _hsts;
            }
        }
    }
}
