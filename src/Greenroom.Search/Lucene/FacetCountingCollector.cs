using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Counts, for every hit, the value of each faceted field from its doc values: per segment by ordinal (an array
/// increment per hit and field), turned into strings once per segment.
/// </summary>
internal sealed class FacetCountingCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedDocValues?[] _values = new SortedDocValues?[facets.Count];
    private readonly int[][] _segmentCounts = new int[facets.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var ord = _values[i]?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                _segmentCounts[i][ord]++;
            }
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedDocValues(IndexFields.FacetPrefix + facets[i]);
            _values[i] = values;
            _segmentCounts[i] = values is null ? [] : new int[values.ValueCount];
        }
    }

    /// <summary>
    /// Facet → values by descending count, then by value. Values that differ only in case (<c>Component</c> from the
    /// catalog, <c>component</c> from a ref) are one value, shown in its most frequent spelling, as filters ignore case.
    /// </summary>
    public Dictionary<string, IReadOnlyList<Engine.FacetCount>> Result(int maxValues)
    {
        Flush();
        return _counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<Engine.FacetCount>)f.Value
                .GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new Engine.FacetCount(g.MaxBy(v => v.Value).Key, g.Sum(v => v.Value)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(maxValues)
                .ToList());
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            var counts = _segmentCounts[i];
            if (values is null || counts is null)
            {
                continue;
            }

            var totals = _counts[facets[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    totals[value] = totals.GetValueOrDefault(value) + counts[ord];
                }
            }

            _values[i] = null;
        }
    }
}
