using Greenroom.Search.Engine;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

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

    private readonly Analyzer _analyzer;
    private readonly WeightedTerm[] _terms;

    private SnippetHighlighter(Analyzer analyzer, WeightedTerm[] terms, string preTag, string postTag)
    {
        _analyzer = analyzer;
        _terms = terms;
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
        return new SnippetHighlighter(analyzer, words.Select(w => new WeightedTerm(w.Value, w.Key)).ToArray(), $"<{tag}>", $"</{tag}>");
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
        var marked = Mark(title, new NullFragmenter(), 1);
        if (marked is not null)
        {
            fields["title"] = marked;
        }

        marked = Mark(text, new SimpleFragmenter(SnippetLength), MaxSnippets);
        if (marked is not null)
        {
            fields["text"] = marked;
        }

        return new SearchHighlight(PreTag, PostTag, fields);
    }

    private string? Mark(string value, IFragmenter fragmenter, int fragments)
    {
        if (string.IsNullOrEmpty(value) || _terms.Length == 0)
        {
            return null;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter(PreTag, PostTag), new QueryTermScorer(_terms))
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = MaxCharsAnalyzed,
        };
        using var stream = _analyzer.GetTokenStream(IndexFields.Text, value);
        var best = highlighter.GetBestFragments(stream, value, fragments, " … ");
        return string.IsNullOrEmpty(best) ? null : best.Trim();
    }
}
