using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace CareerGuides.Web.Infrastructure;

/// <summary>Whether Kestrel runs a connection's work on the socket's own I/O thread (the setting's values).</summary>
public enum InlineSocketScheduling
{
    /// <summary>Inline when the process may use a single processor (and not on Windows); otherwise the thread pool.</summary>
    Auto,

    /// <summary>Always inline (not on Windows, where only Kestrel's half of it exists).</summary>
    On,

    /// <summary>Never: every connection's work is queued to the thread pool, Kestrel's default.</summary>
    Off,
}

/// <summary>
/// Inline socket scheduling. By default Kestrel hands each socket event from the I/O thread that noticed it to the
/// thread pool, and the runtime's socket engine does the same for each completion. On one processor every hand-off
/// is a context switch with no parallelism to gain: a cached guide page's profile on one core spent about an eighth
/// of its time switching threads. Running the work on the I/O thread instead (Kestrel's
/// <see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/> plus the runtime's
/// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>; either alone is slower) cut the server's CPU time per cached
/// page by a fifth (docs/performance.md). The price is that a request that blocks its thread holds up the
/// connections sharing that I/O thread; nothing in this site blocks on I/O (no synchronous reads, no outgoing calls),
/// and on one processor a CPU-bound request holds them up either way. With more processors the pool's parallelism
/// is worth the switches, so <see cref="InlineSocketScheduling.Auto"/> turns it on only for one.
/// </summary>
public static class SocketScheduling
{
    /// <summary>The setting: Auto (the default), On or Off.</summary>
    public const string Setting = "Performance:InlineSocketScheduling";

    /// <summary>The runtime's switch; read once, when the process creates its first socket.</summary>
    public const string RuntimeVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Reads the setting and, when it says so, turns inline scheduling on for the site's sockets.</summary>
    /// <exception cref="InvalidOperationException">The setting has a value other than Auto, On or Off.</exception>
    public static WebApplicationBuilder AddSocketScheduling(this WebApplicationBuilder builder)
    {
        var mode = Parse(builder.Configuration[Setting]);
        var inline = Decide(mode, Environment.ProcessorCount, OperatingSystem.IsWindows());
        builder.Services.AddSingleton(new SocketSchedulingChoice(mode, inline));
        if (inline)
        {
            // Before the host starts, so before any socket exists: the runtime reads the variable once.
            Environment.SetEnvironmentVariable(RuntimeVariable, "1");
            builder.Services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
        }

        return builder;
    }

    /// <summary>The setting's value, case-insensitive; empty or missing means Auto.</summary>
    /// <exception cref="InvalidOperationException">Any other value.</exception>
    public static InlineSocketScheduling Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return InlineSocketScheduling.Auto;
        }

        // By name only: Enum.TryParse would also take "1" or "On,Off".
        var name = value.Trim();
        return Enum.GetNames<InlineSocketScheduling>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<InlineSocketScheduling>(match)
            : throw new InvalidOperationException(
                $"{Setting} is '{value}'; it must be Auto (inline on one processor), On or Off.");
    }

    /// <summary>Whether sockets run inline for this setting on a machine with this many processors.</summary>
    public static bool Decide(InlineSocketScheduling mode, int processorCount, bool isWindows) =>
        !isWindows && mode switch
        {
            InlineSocketScheduling.On => true,
            InlineSocketScheduling.Off => false,
            _ => processorCount == 1,
        };
}

/// <summary>What <see cref="SocketScheduling"/> decided at start-up, for the start-up log.</summary>
/// <param name="Mode">The setting.</param>
/// <param name="Inline">Whether sockets run inline.</param>
public sealed record SocketSchedulingChoice(InlineSocketScheduling Mode, bool Inline);
