using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// One filter of a query: a document passes when <paramref name="Field"/> holds any of <paramref name="Values"/>.
/// <paramref name="Facet"/> names the facet it filters, whose counts ignore it; null for a filter on a field without
/// facet counts.
/// </summary>
internal sealed record FilterClause(string Field, IReadOnlyList<string> Values, string? Facet)
{
    /// <summary>The clauses of the document types and field filters (values trimmed; field values lower-cased).</summary>
    public static List<FilterClause> From(IReadOnlyList<string> types, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var clauses = new List<FilterClause>();
        if (types.Count > 0)
        {
            clauses.Add(new(IndexFields.Type, [.. types.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)], IndexFields.TypesFacet));
        }

        // A filter without values filters nothing (as an empty query-string value reads), rather than everything.
        foreach (var (field, values) in filters.Where(f => f.Value.Count > 0))
        {
            var facet = IndexFields.FacetFields.Contains(field) ? field : null;
            clauses.Add(new(IndexFields.KeywordPrefix + field, [.. values.Select(v => v.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)], facet));
        }

        return clauses;
    }

    /// <summary>A filter passing documents that pass every clause, or null for none.</summary>
    public static Filter? AllOf(IEnumerable<FilterClause> clauses)
    {
        var all = new BooleanQuery();
        foreach (var clause in clauses)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var value in clause.Values)
            {
                any.Add(new TermQuery(new Term(clause.Field, value)), Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>The documents of <paramref name="reader"/> that pass this clause.</summary>
    public FixedBitSet Matches(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        foreach (var value in Values)
        {
            if (reader.GetTermDocsEnum(new Term(Field, value)) is { } docs)
            {
                bits.Or(docs);
            }
        }

        return bits;
    }
}
