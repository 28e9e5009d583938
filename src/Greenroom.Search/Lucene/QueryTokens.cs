using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// The words of a user's term as the index holds them, each marked with whether the index knows it (as a word or
/// the start of one). Only unknown words are matched with typos: a known word is almost never a typo, and skipping
/// the edit-distance search for it is most of what keeps common queries fast.
/// </summary>
internal sealed record QueryTokens(IReadOnlyList<string> Words, IReadOnlySet<string> Unknown)
{
    /// <summary>Words considered per query; more only slow the query down without changing what ranks first.</summary>
    public const int MaxWords = 16;

    public static QueryTokens Analyze(Analyzer analyzer, IndexReader reader, string term)
    {
        var words = SearchAnalyzer.Tokens(analyzer, term, MaxWords);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFields.Text);
        foreach (var word in words)
        {
            if (!IsKnown(terms, word))
            {
                unknown.Add(word);
            }
        }

        return new QueryTokens(words, unknown);
    }

    /// <summary>Typos tolerated: none in short words (too many false friends), one from four letters, two from eight.</summary>
    public int FuzzyEdits(string word) => !Unknown.Contains(word) ? 0 : word.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

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
