using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Greenroom.Search.Lucene;

/// <summary>
/// Marks the query's words in a text and keeps its best fragments, with the same output as Lucene's
/// <c>Highlighter</c> given a <c>QueryTermScorer</c> and a <c>SimpleFragmenter</c> (or, for a whole field, a
/// <c>NullFragmenter</c>): fragments start at the first token reaching the next multiple of the fragment size, score
/// the weights of the distinct words they contain, the best are kept (ties to the earlier), adjacent ones merge. It
/// makes one pass over the tokens and writes only the fragments it returns, where Lucene's marks up the whole text and
/// allocates per token; that was most of the cost of a page of hits.
/// </summary>
internal sealed class FragmentMarker
{
    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _terms;
    private readonly float[] _weights;
    private readonly string _preTag;
    private readonly string _postTag;

    public FragmentMarker(Analyzer analyzer, IReadOnlyDictionary<string, float> weights, string preTag, string postTag)
    {
        _analyzer = analyzer;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _weights = new float[weights.Count];
        foreach (var (term, weight) in weights)
        {
            _weights[ids.Count] = weight;
            ids[term] = ids.Count;
        }

        _terms = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _preTag = preTag;
        _postTag = postTag;
    }

    /// <summary>
    /// The best <paramref name="maxFragments"/> fragments of <paramref name="text"/> (of about
    /// <paramref name="fragmentSize"/> characters; 0 for the whole text) joined by <paramref name="separator"/>, with the
    /// query's words marked and the result trimmed; null when no word matches. Tokens starting at or after
    /// <paramref name="maxChars"/> are not read.
    /// </summary>
    public string? Mark(string text, int fragmentSize, int maxFragments, int maxChars, string separator)
    {
        if (string.IsNullOrEmpty(text) || _weights.Length == 0)
        {
            return null;
        }

        var tokens = new List<Token>();
        var fragments = new List<Fragment> { new(0, 0) };
        var seenIn = new int[_weights.Length];
        Array.Fill(seenIn, -1);
        var matched = false;
        using (var stream = _analyzer.GetTokenStream(IndexFields.Text, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && offset.StartOffset < maxChars)
            {
                if (fragmentSize > 0 && tokens.Count > 0 && offset.EndOffset >= fragmentSize * fragments.Count)
                {
                    fragments.Add(new Fragment(tokens.Count, tokens[^1].End));
                }

                var id = _terms.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var found) ? found : -1;
                if (id >= 0)
                {
                    matched = true;
                    var current = fragments.Count - 1;
                    if (seenIn[id] != current)
                    {
                        seenIn[id] = current;
                        fragments[current].Score += _weights[id];
                    }
                }

                tokens.Add(new Token(offset.StartOffset, offset.EndOffset, id));
            }

            stream.End();
        }

        if (!matched)
        {
            return null;
        }

        var textEnd = text.Length <= maxChars ? text.Length : tokens[^1].End;
        var best = Best(fragments, maxFragments);
        var result = new System.Text.StringBuilder();
        foreach (var span in best.Where(s => s is { Score: > 0 }))
        {
            if (result.Length > 0)
            {
                result.Append(separator);
            }

            var end = span!.Last + 1 < fragments.Count ? fragments[span.Last + 1] : null;
            Render(result, text, tokens, fragments[span.First].Start, end?.Start ?? textEnd, fragments[span.First].FirstToken, end?.FirstToken ?? tokens.Count);
        }

        var marked = result.ToString().Trim();
        return marked.Length == 0 ? null : marked;
    }

    /// <summary>
    /// The top fragments by score (ties to the earlier), best first, then adjacent ones merged into the better one's
    /// place, as Lucene's <c>Highlighter.GetBestTextFragments</c> with merging does it.
    /// </summary>
    private static Span?[] Best(List<Fragment> fragments, int maxFragments)
    {
        var best = fragments
            .Select((f, i) => new Span(i, i, f.Score))
            .OrderByDescending(s => s.Score).ThenBy(s => s.First)
            .Take(Math.Max(1, maxFragments))
            .ToArray<Span?>();
        bool merging;
        do
        {
            merging = false;
            for (var i = 0; i < best.Length; i++)
            {
                for (var x = 0; x < best.Length && best[i] is not null; x++)
                {
                    if (best[x] is null)
                    {
                        continue;
                    }

                    var (earlier, later) = best[i]!.First == best[x]!.Last + 1 ? (x, i) : best[x]!.First == best[i]!.Last + 1 ? (i, x) : (-1, -1);
                    if (earlier < 0)
                    {
                        continue;
                    }

                    var merged = new Span(best[earlier]!.First, best[later]!.Last, Math.Max(best[earlier]!.Score, best[later]!.Score));
                    var (keep, drop) = best[earlier]!.Score > best[later]!.Score ? (earlier, later) : (later, earlier);
                    best[drop] = null;
                    best[keep] = merged;
                    merging = true;
                }
            }
        }
        while (merging);

        return best;
    }

    private void Render(System.Text.StringBuilder result, string text, List<Token> tokens, int start, int end, int firstToken, int endToken)
    {
        var at = start;
        for (var t = firstToken; t < endToken; t++)
        {
            var token = tokens[t];
            if (token.Term < 0)
            {
                continue;
            }

            result.Append(text, at, token.Start - at).Append(_preTag).Append(text, token.Start, token.End - token.Start).Append(_postTag);
            at = token.End;
        }

        result.Append(text, at, end - at);
    }

    private readonly record struct Token(int Start, int End, int Term);

    private sealed class Fragment(int firstToken, int start)
    {
        public int FirstToken { get; } = firstToken;

        public int Start { get; } = start;

        public float Score { get; set; }
    }

    private sealed record Span(int First, int Last, float Score);
}
