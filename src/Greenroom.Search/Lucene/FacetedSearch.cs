using Greenroom.Search.Engine;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Runs a query and counts its facets in one pass, the way a search page needs them ("drill sideways"): a facet the
/// query filters on is counted over the documents that pass every other filter, so its other values stay choosable.
/// The query runs without the facets' filters; a document failing none of them is a hit (collected, counted in every
/// facet), one failing exactly one facet's filter counts in that facet only, any other is skipped. That replaces a
/// search per filtered facet, and facet values come from <see cref="SegmentFacets"/> arrays rather than doc values.
/// Filters on fields without facet counts stay ordinary filters, so the query skips what they exclude.
/// </summary>
internal static class FacetedSearch
{
    private const int NoneFailed = -1;
    private const int SeveralFailed = -2;

    /// <summary>Collects the hits into <paramref name="hits"/> and returns the facet counts.</summary>
    public static Dictionary<string, IReadOnlyList<FacetCount>> Run(
        IndexSearcher searcher, Query query, IReadOnlyList<FilterClause> clauses, FacetOrdinalCache ordinals, ICollector hits, int maxValues)
    {
        var facets = ordinals.Facets;
        var sideways = clauses.Where(c => c.Facet is not null).ToArray();
        var sidewaysFacet = sideways.Select(c => IndexOf(facets, c.Facet!)).ToArray();
        var filter = FilterClause.AllOf(clauses.Where(c => c.Facet is null));
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var tally = new FacetTally(facets);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var scorer = weight.GetScorer(leaf, reader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            var segment = ordinals.For(reader);
            var passes = sideways.Select(c => c.Matches(reader)).ToArray();
            var counts = segment.Values.Select(v => new int[v.Length]).ToArray();
            hits.SetNextReader(leaf);
            hits.SetScorer(scorer);
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                var failed = FailedClause(passes, doc);
                if (failed == NoneFailed)
                {
                    hits.Collect(doc);
                    for (var f = 0; f < counts.Length; f++)
                    {
                        Count(segment.Ordinals[f], counts[f], doc);
                    }
                }
                else if (failed >= 0)
                {
                    var f = sidewaysFacet[failed];
                    Count(segment.Ordinals[f], counts[f], doc);
                }
            }

            for (var f = 0; f < counts.Length; f++)
            {
                tally.Add(f, counts[f], segment.Values[f]);
            }
        }

        return tally.Result(maxValues);
    }

    /// <summary>
    /// The hits <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="count"/> of a query without a term:
    /// documents passing every clause, in index order (they all score the same, and ties go to the lower document),
    /// found without visiting the rest.
    /// </summary>
    public static ScoreDoc[] InIndexOrder(IndexSearcher searcher, IReadOnlyList<FilterClause> clauses, int skip, int count)
    {
        var filter = FilterClause.AllOf(clauses);
        var weight = searcher.CreateNormalizedWeight(filter is null ? new MatchAllDocsQuery() : new FilteredQuery(new MatchAllDocsQuery(), filter));
        var found = new List<ScoreDoc>(count);
        var seen = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            int doc;
            while (found.Count < count && scorer is not null && (doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (seen++ >= skip)
                {
                    found.Add(new ScoreDoc(leaf.DocBase + doc, scorer.GetScore()));
                }
            }
        }

        return [.. found];
    }

    /// <summary>The one clause <paramref name="doc"/> fails, <see cref="NoneFailed"/>, or <see cref="SeveralFailed"/>.</summary>
    private static int FailedClause(FixedBitSet[] passes, int doc)
    {
        var failed = NoneFailed;
        for (var c = 0; c < passes.Length; c++)
        {
            if (!passes[c].Get(doc))
            {
                if (failed != NoneFailed)
                {
                    return SeveralFailed;
                }

                failed = c;
            }
        }

        return failed;
    }

    private static void Count(int[]? ordinals, int[] counts, int doc)
    {
        if (ordinals is not null && ordinals[doc] is var ord and >= 0)
        {
            counts[ord]++;
        }
    }

    private static int IndexOf(IReadOnlyList<string> facets, string facet)
    {
        for (var i = 0; i < facets.Count; i++)
        {
            if (facets[i] == facet)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown facet '{facet}'", nameof(facet));
    }
}
