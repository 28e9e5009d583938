using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Greenroom.Server.Tests.Process;

/// <summary>The built server run as a child process on 127.0.0.1, configured through environment variables.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var serverDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = System.Diagnostics.Process.Start(start)!;
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <c>/healthz</c> until <paramref name="until"/> holds for its body.</summary>
    public async Task<JsonObject> WaitForHealthAsync(Func<JsonObject, bool> until, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Assert.False(_process.HasExited, $"The server exited early:\n{Output}");
            try
            {
                var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellation.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var health = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellation.Token))!;
                    if (until(health))
                    {
                        return health;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                Assert.Fail($"The server did not become healthy in time:\n{Output}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash or an OOM kill looks like.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
