using System.ComponentModel.DataAnnotations;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// How the site defends itself against hostile requests. Bound from the "Security" section of configuration; the
/// allowed host names are the standard top-level <c>AllowedHosts</c> setting (host filtering).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Requests per client address, within a fixed window.</summary>
    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>Which reverse proxies may tell the site the client's address and scheme.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>Strict-Transport-Security, sent on HTTPS responses outside Development.</summary>
    public HstsSettings Hsts { get; set; } = new();

    /// <summary>
    /// The Content-Security-Policy header. The default allows scripts, styles and fonts from the site itself only
    /// (no inline script or style anywhere), images from the site and https, and no framing.
    /// </summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } = DefaultContentSecurityPolicy;

    public const string DefaultContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; "
        + "connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public sealed class RateLimitSettings
    {
        /// <summary>Off for benchmarks that drive the site from one address.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Requests one client address may make per window (pages, styles and scripts alike).</summary>
        [Range(1, 1_000_000)]
        public int PermitLimit { get; set; } = 300;

        /// <summary>The window's length.</summary>
        [Range(1, 3600)]
        public int WindowSeconds { get; set; } = 10;
    }

    public sealed class ForwardedHeadersSettings
    {
        /// <summary>Addresses of trusted proxies (e.g. <c>10.0.0.5</c>). With none here and no networks, X-Forwarded-* is ignored.</summary>
        public string[] KnownProxies { get; set; } = [];

        /// <summary>Networks of trusted proxies in CIDR form (e.g. <c>10.0.0.0/8</c>).</summary>
        public string[] KnownNetworks { get; set; } = [];

        /// <summary>How many proxies' entries to read from the end of X-Forwarded-For.</summary>
        [Range(1, 10)]
        public int ForwardLimit { get; set; } = 1;

        public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
    }

    public sealed class HstsSettings
    {
        /// <summary>max-age in days; at least a year.</summary>
        [Range(365, 3650)]
        public int MaxAgeDays { get; set; } = 365;

        public bool IncludeSubDomains { get; set; }

        public bool Preload { get; set; }
    }
}
