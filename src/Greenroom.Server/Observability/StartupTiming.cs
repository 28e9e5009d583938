using System.Diagnostics;

namespace Greenroom.Server.Observability;

/// <summary>Logs how long the process took from its start to serving requests: the cold-start path, measured in process.</summary>
internal static partial class StartupTiming
{
    /// <summary>Logs once the host has started listening.</summary>
    public static void LogWhenStarted(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTiming).FullName!);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            using var process = Process.GetCurrentProcess();
            LogStarted(logger, (long)(DateTime.Now - process.StartTime).TotalMilliseconds, (long)process.TotalProcessorTime.TotalMilliseconds);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Elapsed} ms after the process started ({Cpu} ms of CPU so far)")]
    private static partial void LogStarted(ILogger logger, long elapsed, long cpu);
}
