using System.Diagnostics;
using System.Globalization;

namespace Greenroom.Bench.Server;

/// <summary>
/// One run of the Greenroom server as a child process (<c>dotnet Greenroom.Server.dll</c>) on a free loopback port.
/// Disposing always ends it: a clean stop is tried first, then the process tree is killed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private long _peakSeen;
    private bool _disposed;
    private bool _logClosed;

    private ServerProcess(Process process, StreamWriter log, Uri baseAddress, Stopwatch sinceStart)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        SinceStart = sinceStart;
        _stdout = PumpAsync(process.StandardOutput);
        _stderr = PumpAsync(process.StandardError);
    }

    public Uri BaseAddress { get; }

    /// <summary>Started just before the process: the clock of cold measurements.</summary>
    public Stopwatch SinceStart { get; }

    public int Pid => _process.Id;

    public bool HasExited => _disposed || _process.HasExited;

    public static ServerProcess Start(ServerSettings settings)
    {
        var port = FreePort.Find();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root is the build folder, so the server's own appsettings.json applies.
            WorkingDirectory = Path.GetDirectoryName(settings.ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(settings.ServerDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Greenroom__DataDirectory"] = settings.DataDirectory;
        info.Environment["Greenroom__Catalog__Locations__0__Type"] = "file";
        info.Environment["Greenroom__Catalog__Locations__0__Target"] = settings.CatalogRoot;
        info.Environment["Greenroom__Catalog__RefreshInterval"] = settings.RefreshInterval.ToString("c", CultureInfo.InvariantCulture);

        var log = new StreamWriter(settings.LogFile, append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new BenchException("Could not start dotnet");
        return new ServerProcess(process, log, baseAddress, clock);
    }

    /// <summary>Samples VmHWM now; the highest value seen over this process's life is kept.</summary>
    public long SamplePeakRss()
    {
        if (!HasExited && ProcessMemory.Read(_process.Id) is { } memory)
        {
            _peakSeen = Math.Max(_peakSeen, memory.Peak);
        }

        return _peakSeen;
    }

    /// <summary>
    /// User plus system CPU time the server has used so far (zero when it is gone). On a shared machine wall-clock
    /// times vary with the load; CPU time shows whether a change saved work or only waited less.
    /// </summary>
    public TimeSpan CpuTime()
    {
        if (HasExited)
        {
            return TimeSpan.Zero;
        }

        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Current resident memory in bytes (0 when unavailable).</summary>
    public long CurrentRss() => !HasExited && ProcessMemory.Read(_process.Id) is { } memory ? memory.Rss : 0;

    /// <summary>Stops the server: SIGTERM and a bounded wait, then a kill.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        SamplePeakRss();
        if (Signals.Terminate(_process.Id))
        {
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        Kill();
    }

    /// <summary>Ends the process tree at once (also safe from a Ctrl+C or exit handler).</summary>
    public void Kill()
    {
        try
        {
            if (!HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAny(Task.WhenAll(_stdout, _stderr), Task.Delay(2_000));
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }

        _disposed = true;
        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        // Reading both pipes continuously keeps the server from blocking on a full pipe.
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                if (_logClosed)
                {
                    // The log is closed; the last lines of a process being torn down are not worth keeping.
                    return;
                }

                _log.WriteLine(line);
            }
        }
    }
}
