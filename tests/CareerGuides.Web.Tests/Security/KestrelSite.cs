using System.Net.Sockets;
using System.Text;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// The site on a real Kestrel loopback port (the in-memory test server applies none of Kestrel's request limits),
/// answering the host 127.0.0.1, with extra settings. Requests can be sent as raw bytes, exactly as written.
/// </summary>
internal static class KestrelSite
{
    public static SiteFactory Start(IReadOnlyDictionary<string, string>? settings = null, string? contentPath = null)
    {
        var all = new Dictionary<string, string> { ["AllowedHosts"] = "127.0.0.1" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var site = new SiteFactory(contentPath, "Production", all);
        site.UseKestrel(0);
        site.StartServer();
        return site;
    }

    /// <summary>Sends <paramref name="head"/> (request line and headers, without the final blank line) and reads the whole answer.</summary>
    public static async Task<RawResponse> SendRawAsync(this SiteFactory site, string head, string body = "")
    {
        var address = site.ClientOptions.BaseAddress;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head + "\r\n\r\n" + body), timeout.Token);
        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset the connection after answering a request it refused; what arrived is the answer.
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        var status = headers.Length >= 12 && int.TryParse(headers.AsSpan(9, 3), out var code) ? code : 0;
        return new RawResponse(status, headers, split < 0 ? "" : text[(split + 4)..]);
    }
}

internal sealed record RawResponse(int Status, string Headers, string Body);
