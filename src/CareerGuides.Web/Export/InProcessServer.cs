using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace CareerGuides.Web.Export;

/// <summary>
/// An <see cref="IServer"/> with no sockets: the export hands it GET requests and it runs each through the site's
/// whole request pipeline (the same <see cref="IHttpApplication{TContext}"/> Kestrel would call: hosting, every
/// middleware, routing, the Razor page), capturing the response body in memory. What a page writes does not depend
/// on the server under it, so the bytes are what Kestrel would send; the export's test compares every file with the
/// running site's answer. It saves the loopback socket, HTTP parsing and an HTTP client per page.
/// </summary>
internal sealed class InProcessServer : IServer
{
    /// <summary>The Host header of every request: a loopback name the site answers (AllowedHosts).</summary>
    public const string Host = "127.0.0.1";

    private IRequestRunner? _runner;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        _runner = new RequestRunner<TContext>(application);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _runner = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _runner = null;

    /// <summary>
    /// GET <paramref name="path"/> without Accept-Encoding (the identity bytes); the body is written into
    /// <paramref name="body"/>, which the caller clears and reuses.
    /// </summary>
    public Task<int> GetAsync(string path, ArrayBufferWriter<byte> body, CancellationToken cancellation) =>
        (_runner ?? throw new InvalidOperationException("The site has not started.")).GetAsync(path, body, cancellation);

    private interface IRequestRunner
    {
        Task<int> GetAsync(string path, ArrayBufferWriter<byte> body, CancellationToken cancellation);
    }

    private sealed class RequestRunner<TContext>(IHttpApplication<TContext> application) : IRequestRunner
        where TContext : notnull
    {
        public async Task<int> GetAsync(string path, ArrayBufferWriter<byte> body, CancellationToken cancellation)
        {
            var request = new HttpRequestFeature
            {
                Protocol = "HTTP/1.1",
                Method = HttpMethods.Get,
                Scheme = Uri.UriSchemeHttp,
                Path = path,
                RawTarget = path,
            };
            request.Headers.Host = Host;
            var response = new Response(body);
            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(request);
            features.Set<IHttpResponseFeature>(response);
            features.Set<IHttpResponseBodyFeature>(response);
            features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellation });
            features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
            {
                RemoteIpAddress = System.Net.IPAddress.Loopback,
                LocalIpAddress = System.Net.IPAddress.Loopback,
                ConnectionId = "export",
            });

            var context = application.CreateContext(features);
            Exception? failure = null;
            try
            {
                await application.ProcessRequestAsync(context);
                await response.CompleteAsync();
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            finally
            {
                await response.FireCompletedAsync();
                application.DisposeContext(context, failure);
            }

            return response.StatusCode;
        }
    }

    /// <summary>The response: status and headers, OnStarting/OnCompleted run as a server runs them, the body into a buffer.</summary>
    private sealed class Response(ArrayBufferWriter<byte> buffer) : Stream, IHttpResponseFeature, IHttpResponseBodyFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];
        private readonly List<(Func<object, Task> Callback, object State)> _completed = [];
        private PipeWriter? _writer;

        public int StatusCode { get; set; } = StatusCodes.Status200OK;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        Stream IHttpResponseBodyFeature.Stream => this;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

        public void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

        public void DisableBuffering()
        {
        }

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (HasStarted)
            {
                return;
            }

            // As servers do: the last registered runs first, and headers are frozen once they have all run.
            for (var i = _starting.Count - 1; i >= 0; i--)
            {
                await _starting[i].Callback(_starting[i].State);
            }

            HasStarted = true;
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await StartAsync(cancellationToken);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.Seek(offset, SeekOrigin.Begin);
            var remaining = count ?? (file.Length - offset);
            while (remaining > 0)
            {
                var size = (int)Math.Min(remaining, 81920);
                var read = await file.ReadAsync(buffer.GetMemory(size)[..size], cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                remaining -= read;
            }
        }

        public async Task CompleteAsync()
        {
            await StartAsync();
            if (_writer is not null)
            {
                await _writer.FlushAsync();
            }
        }

        public async Task FireCompletedAsync()
        {
            for (var i = _completed.Count - 1; i >= 0; i--)
            {
                await _completed[i].Callback(_completed[i].State);
            }
        }

        // The body stream: writes go into the buffer; the first write starts the response.
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            HasStarted ? Task.CompletedTask : StartAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> source)
        {
            if (!HasStarted)
            {
                StartAsync().GetAwaiter().GetResult();
            }

            buffer.Write(source);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            if (!HasStarted)
            {
                await StartAsync(cancellationToken);
            }

            buffer.Write(source.Span);
        }
    }
}
