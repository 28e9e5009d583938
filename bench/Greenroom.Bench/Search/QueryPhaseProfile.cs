namespace Greenroom.Bench.Search;

/// <summary>
/// Where a query's CPU time goes: the engine reports each phase it finishes on the querying thread, and the profile
/// adds the thread's CPU time since the previous report to that phase. Summed per query class, it names the phase to
/// attack rather than guessing.
/// </summary>
internal sealed class QueryPhaseProfile
{
    private readonly Dictionary<string, Dictionary<string, double>> _byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);
    private CpuClock _clock;
    private double _last;

    /// <summary>Starts timing one query.</summary>
    public void Start()
    {
        _current.Clear();
        _clock = CpuClock.Thread();
        _last = 0;
    }

    /// <summary>The engine finished <paramref name="phase"/>.</summary>
    public void Reached(string phase)
    {
        var now = _clock.Elapsed.TotalMilliseconds;
        _current[phase] = _current.GetValueOrDefault(phase) + (now - _last);
        _last = now;
    }

    /// <summary>Adds the query just timed to <paramref name="category"/>.</summary>
    public void Finish(string category)
    {
        var sums = _byCategory.TryGetValue(category, out var found) ? found : _byCategory[category] = new(StringComparer.Ordinal);
        foreach (var (phase, milliseconds) in _current)
        {
            sums[phase] = sums.GetValueOrDefault(phase) + milliseconds;
        }

        _queries[category] = _queries.GetValueOrDefault(category) + 1;
    }

    /// <summary>One line per query class: mean CPU milliseconds per phase.</summary>
    public IEnumerable<string> Lines() =>
        _byCategory.Select(c => $"  {c.Key}: " + string.Join(", ", c.Value.Select(p => $"{p.Key} {p.Value / _queries[c.Key]:0.00}")));
}
