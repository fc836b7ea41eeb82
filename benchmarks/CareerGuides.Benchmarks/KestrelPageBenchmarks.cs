using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Benchmarks;

/// <summary>
/// The cached guide page from the real server: Kestrel on a loopback port, one keep-alive connection, requests
/// written as bytes and answers read into a reused buffer, so the client allocates nothing per request and the
/// allocations MemoryDiagnoser reports are the server's. Three ways a cached page is answered: the fast path
/// (uncompressed and gzip) and, with a query string the fast path leaves to the pipeline, the output cache.
/// </summary>
[MemoryDiagnoser]
public class KestrelPageBenchmarks
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";
    private WebApplicationFactory<Program> _factory = null!;
    private Socket _socket = null!;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private byte[] _identity = null!;
    private byte[] _gzip = null!;
    private byte[] _outputCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Not WithWebHostBuilder: UseKestrel applies to the factory it is called on, and the derived one it returns ignores it.
        _factory = new KestrelSite();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.ClientOptions.BaseAddress;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(address.Host, address.Port);

        static byte[] Request(string target, string extra = "") =>
            Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n");
        _identity = Request(GuidePath);
        _gzip = Request(GuidePath, "Accept-Encoding: gzip\r\n");
        _outputCache = Request(GuidePath + "?utm_source=benchmark");

        // Fill the caches: the first answer to each is rendered (sent in chunks), the next ones come from a cache.
        foreach (var request in new[] { _identity, _gzip, _outputCache })
        {
            for (var i = 0; i < 3; i++)
            {
                SendAsync(request).AsTask().GetAwaiter().GetResult();
            }
        }

        // Start-up's deferred work (the search index, a collection) runs after the first answers and a quiet moment;
        // measured during the runs, its allocations would be counted against the requests.
        _factory.Services.GetRequiredService<CareerGuides.Web.Content.DeferredStartUpWork>().Completion.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _socket.Dispose();
        _factory.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Cached guide page, fast path, uncompressed (Kestrel)")]
    public ValueTask<int> FastPathIdentity() => SendAsync(_identity);

    [Benchmark(Description = "Cached guide page, fast path, gzip (Kestrel)")]
    public ValueTask<int> FastPathGzip() => SendAsync(_gzip);

    [Benchmark(Description = "Cached guide page, output cache, uncompressed (Kestrel)")]
    public ValueTask<int> OutputCacheIdentity() => SendAsync(_outputCache);

    private sealed class KestrelSite : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
            .UseEnvironment("Production")
            .UseSetting("Content:Watch", "false")
            .UseSetting("Serilog:MinimumLevel:Default", "Warning")
            .UseSetting("AllowedHosts", "127.0.0.1")
            .UseSetting("Security:RateLimit:Enabled", "false");
    }

    /// <summary>Sends one request and reads its whole answer; returns the body's length (-1 for a chunked one).</summary>
    private async ValueTask<int> SendAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var read = 0;
        var bodyStart = -1;
        var length = -1;
        while (bodyStart < 0 || (length >= 0 ? read < bodyStart + length : !_buffer.AsSpan(0, read).EndsWith("\r\n0\r\n\r\n"u8)))
        {
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            read += n;
            if (bodyStart < 0)
            {
                var end = _buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    bodyStart = end + 4;
                    length = ContentLength(_buffer.AsSpan(0, end));
                }
            }
        }

        return length;
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        var name = "\r\nContent-Length: "u8;
        var at = head.IndexOf(name);
        if (at < 0)
        {
            return head.IndexOf("\r\nTransfer-Encoding: chunked"u8) >= 0
                ? -1
                : throw new InvalidOperationException("The answer has neither a Content-Length nor chunks: " + Encoding.ASCII.GetString(head));
        }

        var value = head[(at + name.Length)..];
        var end = value.IndexOf("\r\n"u8);
        return int.Parse(end < 0 ? value : value[..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
