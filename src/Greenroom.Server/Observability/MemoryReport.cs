namespace Greenroom.Server.Observability;

/// <summary>
/// With <c>Debug</c> logging for this category (<c>Logging__LogLevel__Greenroom.Server.Observability=Debug</c>), logs
/// every few seconds where the process's memory is: resident and peak resident set, the GC heap (size, committed,
/// fragmentation) and SQLite's own allocations (page caches). Evidence for memory tuning; off (no timer) otherwise.
/// </summary>
internal sealed partial class MemoryReport(TimeProvider time, ILogger<MemoryReport> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                Report();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Report()
    {
        var gc = GC.GetGCMemoryInfo();
        var (rss, peak) = ResidentSet();
        LogMemory(
            rss / Mebibyte,
            peak / Mebibyte,
            gc.HeapSizeBytes / Mebibyte,
            gc.TotalCommittedBytes / Mebibyte,
            gc.FragmentedBytes / Mebibyte,
            SQLitePCL.raw.sqlite3_memory_used() / Mebibyte,
            SQLitePCL.raw.sqlite3_memory_highwater(0) / Mebibyte,
            GC.CollectionCount(2));
    }

    // VmRSS and VmHWM from /proc (Linux); the working set elsewhere.
    private static (long Rss, long Peak) ResidentSet()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            var ws = Environment.WorkingSet;
            return (ws, ws);
        }

        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kibibytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kibibytes(line) * 1024;
            }
        }

        return (rss, peak);
    }

    private static long Kibibytes(string line) =>
        long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private const long Mebibyte = 1024 * 1024;

    [LoggerMessage(Level = LogLevel.Debug, Message =
        "Memory: RSS {Rss} MB (peak {Peak} MB); GC heap {Heap} MB, committed {Committed} MB, fragmented {Fragmented} MB; SQLite {Sqlite} MB (peak {SqlitePeak} MB); gen2 collections {Gen2}")]
    private partial void LogMemory(long rss, long peak, long heap, long committed, long fragmented, long sqlite, long sqlitePeak, int gen2);
}
