using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Greenroom.Bench.Search;

/// <summary>
/// CPU time used, as a stopwatch: on a shared, loaded machine wall-clock times mostly measure the wait for a core,
/// while CPU time says what the work costs. <see cref="Process"/> counts every thread (in 10 ms ticks);
/// <see cref="Thread"/> counts the calling thread in nanoseconds, for short synchronous work such as one query.
/// </summary>
internal readonly struct CpuClock
{
    private const int ThreadCpuClock = 3;

    private readonly bool _thread;
    private readonly TimeSpan _start;

    private CpuClock(bool thread)
    {
        _thread = thread;
        _start = Now(thread);
    }

    public static CpuClock Process() => new(thread: false);

    public static CpuClock Thread() => new(thread: true);

    public TimeSpan Elapsed => Now(_thread) - _start;

    private static TimeSpan Now(bool thread)
    {
        if (thread && OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the struct is blittable, and the bench needs no unsafe code for it.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
