using Greenroom.Search.Engine;

namespace Greenroom.Search.Lucene;

/// <summary>Facet value counts summed over segments, then ranked for an answer.</summary>
internal sealed class FacetTally(IReadOnlyList<string> facets)
{
    private readonly Dictionary<string, int>[] _counts = [.. facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];

    /// <summary>Adds one segment's counts of facet <paramref name="facet"/>, indexed like <paramref name="values"/>.</summary>
    public void Add(int facet, int[] counts, string[] values)
    {
        var totals = _counts[facet];
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
            }
        }
    }

    /// <summary>
    /// Facet → values by descending count, then by value. Values that differ only in case (<c>Component</c> from the
    /// catalog, <c>component</c> from a ref) are one value, shown in its most frequent spelling, as filters ignore case.
    /// </summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Result(int maxValues) =>
        facets.Select((name, f) => (name, f)).ToDictionary(
            x => x.name,
            x => (IReadOnlyList<FacetCount>)_counts[x.f]
                .GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new FacetCount(g.MaxBy(v => v.Value).Key, g.Sum(v => v.Value)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(maxValues)
                .ToList());
}
