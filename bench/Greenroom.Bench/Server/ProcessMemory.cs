using System.Globalization;

namespace Greenroom.Bench.Server;

/// <summary>Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux): current (VmRSS) and peak (VmHWM).</summary>
internal static class ProcessMemory
{
    /// <summary>Current and peak resident set in bytes, or null when the process is gone or /proc is absent.</summary>
    public static (long Rss, long Peak)? Read(int pid)
    {
        try
        {
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }

            return (rss, peak);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "VmRSS:\t  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;
}
