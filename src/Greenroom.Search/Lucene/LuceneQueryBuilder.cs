using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Builds Lucene queries from untrusted text without a query parser: the text is only ever tokenized, so no input can
/// be a syntax error or reach query operators. Every token must match (in any searched field) exactly, as a prefix,
/// or within a small edit distance; exact matches outrank prefixes, which outrank typos.
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>Tokens considered per query; more only slow the query down without changing what ranks first.</summary>
    public const int MaxTokens = 16;

    private const float PrefixWeight = 0.6f;
    private const float FuzzyWeight = 0.3f;
    private const int FuzzyExpansions = 20;

    /// <summary>The query for <paramref name="tokens"/> over the searched fields; all documents for none.</summary>
    public static Query Build(IReadOnlyList<string> tokens, IReadOnlyList<(string Field, float Boost)> fields, bool prefixOnLastOnly = false)
    {
        if (tokens.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        for (var i = 0; i < tokens.Count; i++)
        {
            var prefix = !prefixOnLastOnly || i == tokens.Count - 1;
            query.Add(TokenQuery(tokens[i], fields, prefix), Occur.MUST);
        }

        return query;
    }

    private static BooleanQuery TokenQuery(string token, IReadOnlyList<(string Field, float Boost)> fields, bool prefix)
    {
        var alternatives = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in fields)
        {
            var term = new Term(field, token);
            alternatives.Add(new TermQuery(term) { Boost = boost }, Occur.SHOULD);

            // One letter would expand to much of the dictionary for little value.
            if (prefix && token.Length >= 2)
            {
                alternatives.Add(new PrefixQuery(term) { Boost = boost * PrefixWeight }, Occur.SHOULD);
            }

            var edits = FuzzyEdits(token);
            if (edits > 0)
            {
                alternatives.Add(new FuzzyQuery(term, edits, prefixLength: 1, FuzzyExpansions, transpositions: true) { Boost = boost * FuzzyWeight }, Occur.SHOULD);
            }
        }

        return alternatives;
    }

    /// <summary>Typos tolerated: none in short words (too many false friends), one from four letters, two from eight.</summary>
    public static int FuzzyEdits(string token) => token.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>A filter for the document types and field filters, or null when there are none.</summary>
    public static Filter? BuildFilter(IReadOnlyList<string> types, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var all = new BooleanQuery();
        if (types.Count > 0)
        {
            all.Add(AnyOf(IndexFields.Type, types.Select(t => t.Trim())), Occur.MUST);
        }

        foreach (var (field, values) in filters)
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
