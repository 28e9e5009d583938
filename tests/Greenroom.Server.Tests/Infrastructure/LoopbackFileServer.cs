using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>Serves a fixed set of text files over HTTP on 127.0.0.1, for url locations.</summary>
public sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly Task _loop;

    public LoopbackFileServer(IReadOnlyDictionary<string, string> files)
    {
        _files = files;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The allow-list entry for this server.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string UrlOf(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            if (_files.TryGetValue(path, out var content))
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                context.Response.ContentType = "text/yaml";
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
