using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// The words of a user's term as the index holds them. A word the index does not know (neither as a word nor as the
/// start of one) is looked up once, with typos, in the dictionary of the text field (which holds every field's
/// words): the close words found are its corrections, searched as plain words in every field and marked in
/// highlights. Known words get no typo search at all, which is most of what keeps common queries fast.
/// </summary>
internal sealed record QueryTokens(IReadOnlyList<string> Words, IReadOnlyDictionary<string, IReadOnlyList<string>> Corrections)
{
    /// <summary>Words considered per query; more only slow the query down without changing what ranks first.</summary>
    public const int MaxWords = 16;

    private const int MaxCorrections = 20;

    public static QueryTokens Analyze(Analyzer analyzer, IndexReader reader, string term)
    {
        var words = SearchAnalyzer.Tokens(analyzer, term, MaxWords);
        var corrections = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFields.Text);
        foreach (var word in words)
        {
            if (word.Length >= 4 && !IsKnown(terms, word))
            {
                corrections[word] = Correct(reader, word);
            }
        }

        return new QueryTokens(words, corrections);
    }

    /// <summary>
    /// Words within one edit (a transposition counts as one) sharing the first letter; from eight letters, within
    /// two when one finds nothing. One edit first because it is the common typo and far cheaper to search.
    /// </summary>
    private static List<string> Correct(IndexReader reader, string word)
    {
        var found = Expand(reader, word, 1);
        return found.Count > 0 || word.Length < 8 ? found : Expand(reader, word, 2);
    }

    private static List<string> Expand(IndexReader reader, string word, int edits)
    {
        var query = new FuzzyQuery(new Term(IndexFields.Text, word), edits, prefixLength: 1, MaxCorrections, transpositions: true);
        var terms = new HashSet<Term>();
        query.Rewrite(reader).ExtractTerms(terms);
        return terms.Select(t => t.Text).Where(t => t != word).Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsKnown(Terms? terms, string word)
    {
        if (terms is null)
        {
            return false;
        }

        var iterator = terms.GetEnumerator();
        var status = iterator.SeekCeil(new BytesRef(word));
        return status == TermsEnum.SeekStatus.FOUND
            || (status == TermsEnum.SeekStatus.NOT_FOUND && iterator.Term.Utf8ToString().StartsWith(word, StringComparison.Ordinal));
    }
}
