using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Greenroom.Search.Engine;
using Lucene.Net.Index;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Totals and facet counts of queries without a term (browsing by facet), per index reader: the search page opens on
/// such a query and everyone who opens it asks the same, which otherwise counts the whole index each time. Entries
/// belong to the reader they were counted on, so a commit (a new reader) starts afresh and counts are never stale;
/// a reader's entries go with it. The number of filter sets remembered per reader is bounded.
/// </summary>
internal sealed class BrowseCache
{
    private const int MaxEntriesPerReader = 256;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, BrowseCounts>> _readers = new();

    public bool TryGet(IndexReader reader, IReadOnlyList<FilterClause> clauses, out BrowseCounts counts)
    {
        counts = null!;
        return _readers.TryGetValue(reader.CoreCacheKey, out var entries) && entries.TryGetValue(Key(clauses), out counts!);
    }

    public void Add(IndexReader reader, IReadOnlyList<FilterClause> clauses, BrowseCounts counts)
    {
        var entries = _readers.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, BrowseCounts>(StringComparer.Ordinal));
        if (entries.Count < MaxEntriesPerReader)
        {
            entries.TryAdd(Key(clauses), counts);
        }
    }

    private static string Key(IReadOnlyList<FilterClause> clauses) =>
        string.Join('\u001e', clauses
            .Select(c => c.Field + '\u001f' + string.Join('\u001f', c.Values.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
}

/// <summary>The total hits and facet counts of one term-less query.</summary>
internal sealed record BrowseCounts(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);
