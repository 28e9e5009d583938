using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// The faceted fields' values of one segment, decoded once: per facet, each document's value ordinal (-1 for none) and
/// the values by ordinal. Counting a hit is then an array read instead of a doc values lookup, and a segment never
/// changes its values (deletes only hide documents), so the decoded form lives as long as the segment does.
/// </summary>
internal sealed class SegmentFacets
{
    private SegmentFacets(int[]?[] ordinals, string[][] values)
    {
        Ordinals = ordinals;
        Values = values;
    }

    /// <summary>Per facet, the value ordinal of each document, or null when no document of the segment has one.</summary>
    public int[]?[] Ordinals { get; }

    /// <summary>Per facet, the values by ordinal.</summary>
    public string[][] Values { get; }

    public static SegmentFacets Load(AtomicReader reader, IReadOnlyList<string> facets)
    {
        var ordinals = new int[]?[facets.Count];
        var values = new string[facets.Count][];
        var bytes = new BytesRef();
        for (var f = 0; f < facets.Count; f++)
        {
            values[f] = [];
            var docValues = reader.GetSortedDocValues(IndexFields.FacetPrefix + facets[f]);
            if (docValues is null)
            {
                continue;
            }

            var ords = new int[reader.MaxDoc];
            for (var doc = 0; doc < ords.Length; doc++)
            {
                ords[doc] = docValues.GetOrd(doc);
            }

            values[f] = new string[docValues.ValueCount];
            for (var ord = 0; ord < values[f].Length; ord++)
            {
                docValues.LookupOrd(ord, bytes);
                values[f][ord] = bytes.Utf8ToString();
            }

            ordinals[f] = ords;
        }

        return new SegmentFacets(ordinals, values);
    }
}

/// <summary>
/// <see cref="SegmentFacets"/> per segment core, held weakly: a segment merged away or closed with its last reader
/// takes its entry with it, so the cache needs no invalidation and never outgrows the open index (4 bytes per document
/// and facet).
/// </summary>
internal sealed class FacetOrdinalCache(IReadOnlyList<string> facets)
{
    private readonly ConditionalWeakTable<object, SegmentFacets> _segments = new();

    public IReadOnlyList<string> Facets => facets;

    public SegmentFacets For(AtomicReader reader) =>
        _segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Load(reader, facets));
}
