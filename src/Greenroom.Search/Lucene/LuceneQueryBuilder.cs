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
}
