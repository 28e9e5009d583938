using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>
/// One analyzer for indexing, querying and highlighting: Unicode word tokens, lower-cased and folded to ASCII
/// (<c>Café</c> finds <c>cafe</c>), English stop words dropped. No stemming, so a typed prefix always meets the
/// indexed word it starts (stems would cut <c>tracking</c> to <c>track</c> and lose the prefix <c>trackin</c>).
/// </summary>
internal static class SearchAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 128 };
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The tokens of <paramref name="text"/> as the index holds them, first occurrence only, at most <paramref name="max"/>.</summary>
    public static List<string> Tokens(Analyzer analyzer, string text, int max)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(IndexFields.Text, text);
        var term = stream.AddAttribute<global::Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && tokens.Count < max)
        {
            var token = term.ToString();
            if (!tokens.Contains(token, StringComparer.Ordinal))
            {
                tokens.Add(token);
            }
        }

        stream.End();
        return tokens;
    }
}
