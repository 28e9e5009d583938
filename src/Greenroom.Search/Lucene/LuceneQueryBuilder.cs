using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Builds Lucene queries from untrusted text without a query parser: the text is only ever tokenized, so no input can
/// be a syntax error or reach query operators. Every word must match (in some field) exactly, as a prefix, or, when
/// the index does not know it, through its corrections (close words the index does know); exact matches outrank prefixes, which outrank typos.
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>The query for <paramref name="tokens"/> over <paramref name="plan"/>'s fields; all documents for none.</summary>
    public static Query Build(QueryTokens tokens, FieldPlan plan, bool prefixOnLastOnly = false)
    {
        var words = tokens.Words;
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var prefix = !prefixOnLastOnly || i == words.Count - 1;
            query.Add(WordQuery(words[i], tokens.Corrections.GetValueOrDefault(words[i]) ?? [], plan, prefix), Occur.MUST);
        }

        return query;
    }

    private static BooleanQuery WordQuery(string word, IReadOnlyList<string> corrections, FieldPlan plan, bool prefix)
    {
        var alternatives = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in plan.Exact)
        {
            alternatives.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
        }

        // One letter would expand to much of the dictionary for little value.
        if (prefix && word.Length >= 2)
        {
            foreach (var (field, boost) in plan.Prefix)
            {
                alternatives.Add(new PrefixQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var correction in corrections)
        {
            foreach (var (field, boost) in plan.Fuzzy)
            {
                alternatives.Add(new TermQuery(new Term(field, correction)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return alternatives;
    }

    /// <summary>A filter for the document types and field filters, or null when there are none.</summary>
    public static Filter? BuildFilter(IReadOnlyList<string> types, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var all = new BooleanQuery();
        if (types.Count > 0)
        {
            all.Add(AnyOf(IndexFields.Type, types.Select(t => t.Trim())), Occur.MUST);
        }

        // A filter without values filters nothing (as an empty query-string value reads), rather than everything.
        foreach (var (field, values) in filters.Where(f => f.Value.Count > 0))
        {
            all.Add(AnyOf(IndexFields.KeywordPrefix + field, values.Select(v => v.Trim().ToLowerInvariant())), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }
}
