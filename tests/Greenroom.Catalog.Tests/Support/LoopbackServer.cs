using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Greenroom.Catalog.Tests.Support;

/// <summary>A tiny HTTP server on 127.0.0.1 serving fixed responses by path, for url locations.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<HttpListenerResponse, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Authority => $"127.0.0.1:{Port}";

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public void Text(string path, string body) => _routes["/" + path.TrimStart('/')] = async response =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    };

    public void Redirect(string path, string location) => _routes["/" + path.TrimStart('/')] = response =>
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
        return Task.CompletedTask;
    };

    /// <summary>Streams <paramref name="bytes"/> bytes without a Content-Length (chunked), to test the streaming limit.</summary>
    public void Chunked(string path, int bytes) => _routes["/" + path.TrimStart('/')] = async response =>
    {
        response.SendChunked = true;
        var chunk = Encoding.ASCII.GetBytes(new string('#', 8192));
        for (var sent = 0; sent < bytes; sent += chunk.Length)
        {
            await response.OutputStream.WriteAsync(chunk);
        }
    };

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                if (_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var route))
                {
                    await route(context.Response);
                }
                else
                {
                    context.Response.StatusCode = 404;
                }

                context.Response.Close();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                // The client went away (e.g. it stopped reading at the size limit).
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
