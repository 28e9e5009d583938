using Greenroom.Search.Lucene;
using Lucene.Net.Search.Highlight;

namespace Greenroom.Search.Tests.Lucene;

public sealed class FragmentMarkerTests : IDisposable
{
    private const string Pre = "<b>";
    private const string Post = "</b>";
    private const string Separator = " … ";

    private static readonly string[] Vocabulary =
    [
        "deploy", "the", "payments", "Service", "café", "cafe", "of", "and", "rollback", "v1.2", "don't", "payment-api",
        "queue", "QUEUE", "a", "x", "latency", "é", "billing", "to", "123", "pets",
    ];

    private static readonly string[] Gaps = [" ", "  ", ", ", ". ", "\n", " - ", "(", ") ", "/", ""];

    private readonly global::Lucene.Net.Analysis.Analyzer _analyzer = SearchAnalyzer.Create();

    public void Dispose() => _analyzer.Dispose();

    [Fact]
    public void Marks_the_best_fragments_exactly_as_Lucenes_highlighter()
    {
        var random = new Random(7);
        var (marked, separated) = (0, 0);
        for (var i = 0; i < 600; i++)
        {
            var text = Text(random, random.Next(0, 120));
            var weights = Weights(random);
            var fragmentSize = random.Next(3) == 0 ? 0 : random.Next(20, 200);
            var maxFragments = random.Next(1, 4);
            var maxChars = random.Next(4) == 0 ? random.Next(10, 400) : 20_000;

            var expected = Lucene(text, weights, fragmentSize, maxFragments, maxChars);
            var actual = new FragmentMarker(_analyzer, weights, Pre, Post).Mark(text, fragmentSize, maxFragments, maxChars, Separator);

            Assert.True(expected == actual, $"case {i}: size {fragmentSize}, fragments {maxFragments}, max {maxChars}\ntext: {text}\nexpected: {expected}\nactual:   {actual}");
            marked += expected is null ? 0 : 1;
            separated += expected?.Contains(Separator, StringComparison.Ordinal) == true ? 1 : 0;
        }

        // The cases cover texts with matches, and answers of several fragments that were not merged.
        Assert.InRange(marked, 300, 600);
        Assert.InRange(separated, 50, 600);
    }

    [Fact]
    public void Returns_null_when_no_word_matches()
    {
        var marker = new FragmentMarker(_analyzer, new Dictionary<string, float> { ["absent"] = 1f }, Pre, Post);

        Assert.Null(marker.Mark("Nothing to see here", 160, 2, 20_000, Separator));
        Assert.Null(marker.Mark("", 160, 2, 20_000, Separator));
    }

    private string? Lucene(string text, Dictionary<string, float> weights, int fragmentSize, int maxFragments, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter(Pre, Post), new QueryTermScorer([.. weights.Select(w => new WeightedTerm(w.Value, w.Key))]))
        {
            TextFragmenter = fragmentSize == 0 ? new NullFragmenter() : new SimpleFragmenter(fragmentSize),
            MaxDocCharsToAnalyze = maxChars,
        };
        using var stream = _analyzer.GetTokenStream(IndexFields.Text, text);
        var best = highlighter.GetBestFragments(stream, text, maxFragments, Separator);
        return string.IsNullOrEmpty(best) ? null : best.Trim();
    }

    private static string Text(Random random, int words)
    {
        var text = new System.Text.StringBuilder(random.Next(2) == 0 ? " " : "");
        for (var w = 0; w < words; w++)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(Gaps[random.Next(Gaps.Length)]);
        }

        return text.ToString();
    }

    private static Dictionary<string, float> Weights(Random random)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var word in new[] { "deploy", "payments", "service", "cafe", "queue", "latency", "billing", "123", "pets", "api", "v1.2", "don't" })
        {
            if (random.Next(3) == 0)
            {
                weights[word] = new[] { 1f, 0.8f, 0.5f }[random.Next(3)];
            }
        }

        return weights;
    }
}
