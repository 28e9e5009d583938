namespace Greenroom.Bench.Measures;

/// <summary>Size of the SQLite database on disk: <c>greenroom.db</c> and its <c>-wal</c>/<c>-shm</c> files.</summary>
internal static class DiskUsage
{
    public static long DatabaseBytes(string dataDirectory) =>
        Directory.Exists(dataDirectory)
            ? Directory.EnumerateFiles(dataDirectory, "greenroom.db*").Sum(f => new FileInfo(f).Length)
            : 0;
}
