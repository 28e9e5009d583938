using System.Diagnostics;

namespace Greenroom.Bench.Measures;

/// <summary>A bound on a wait: every polling loop of the bench checks one, so nothing waits forever.</summary>
internal sealed class Deadline(TimeSpan limit, string what)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Throws when the bound has passed.</summary>
    public void Check()
    {
        if (_clock.Elapsed > limit)
        {
            throw new BenchException($"Gave up after {limit.TotalSeconds:0} s waiting for {what}");
        }
    }
}
