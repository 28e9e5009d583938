using Greenroom.Search.Engine;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Marks the matched words of a hit's title and text. The query's prefixes are first expanded against the index into the
/// concrete words they matched (a bounded number each), and typos come corrected, so each hit is highlighted by plain word
/// lookups instead of re-running the multi-term queries per document.
/// </summary>
internal sealed class SnippetHighlighter
{
    private const int ExpansionsPerToken = 30;
    private const int SnippetLength = 160;
    private const int MaxSnippets = 2;
    private const int MaxCharsAnalyzed = 20_000;
    private const string Separator = " … ";

    private readonly FragmentMarker _marker;

    private SnippetHighlighter(FragmentMarker marker, string preTag, string postTag)
    {
        _marker = marker;
        PreTag = preTag;
        PostTag = postTag;
    }

    public string PreTag { get; }

    public string PostTag { get; }

    /// <summary>A highlighter for one answer, with fresh tags that no document text can contain by chance.</summary>
    public static SnippetHighlighter For(Analyzer analyzer, IndexReader reader, QueryTokens tokens)
    {
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var token in tokens.Words)
        {
            words[token] = 1f;

            // The text field holds every field's words, so its dictionary is where prefixes and typos expand.
            var term = new Term(IndexFields.Text, token);
            if (token.Length >= 2)
            {
                Expand(reader, new PrefixQuery(term) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(ExpansionsPerToken) }, words, 0.8f);
            }

            foreach (var correction in tokens.Corrections.GetValueOrDefault(token) ?? [])
            {
                words.TryAdd(correction, 0.5f);
            }
        }

        var tag = Guid.NewGuid().ToString("N");
        var (preTag, postTag) = ($"<{tag}>", $"</{tag}>");
        return new SnippetHighlighter(new FragmentMarker(analyzer, words, preTag, postTag), preTag, postTag);
    }

    private static void Expand(IndexReader reader, MultiTermQuery query, Dictionary<string, float> words, float weight)
    {
        var terms = new HashSet<Term>();
        query.Rewrite(reader).ExtractTerms(terms);
        foreach (var term in terms)
        {
            words.TryAdd(term.Text, weight);
        }
    }

    /// <summary>The highlighted title and text snippet of one hit; fields without a match are left out.</summary>
    public SearchHighlight Highlight(string title, string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var marked = _marker.Mark(title, fragmentSize: 0, maxFragments: 1, MaxCharsAnalyzed, Separator);
        if (marked is not null)
        {
            fields["title"] = marked;
        }

        marked = _marker.Mark(text, SnippetLength, MaxSnippets, MaxCharsAnalyzed, Separator);
        if (marked is not null)
        {
            fields["text"] = marked;
        }

        return new SearchHighlight(PreTag, PostTag, fields);
    }
}
