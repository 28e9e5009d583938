using Greenroom.Bench.Generation;
using Greenroom.Search.Engine;

namespace Greenroom.Bench.Search;

/// <summary>
/// Varied queries as people type them: whole words, prefixes, typos, two words, filtered by kind, docs only, browsing
/// by facet without a term, and as-you-type suggestions.
/// </summary>
internal static class SearchQueryMix
{
    public static readonly string[] Categories = ["word", "prefix", "typo", "two words", "filtered", "docs only", "browse", "suggest"];

    private static readonly string[] Words = [.. Vocabulary.Areas, .. SyntheticSearchCorpus.ProseWords, .. Vocabulary.TeamWords];

    /// <summary><paramref name="count"/> queries, cycling through the categories with seeded words.</summary>
    public static List<(string Category, SearchQuery Query)> Build(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var queries = new List<(string, SearchQuery)>(count);
        for (var i = 0; i < count; i++)
        {
            var category = Categories[i % Categories.Length];
            var word = random.Choice(Words);
            var query = category switch
            {
                "word" => Query(word),
                "prefix" => Query(word[..Math.Min(word.Length, random.Between(3, 5))]),
                "typo" => Query(Typo(word, random)),
                "two words" => Query($"{word} {random.Choice(Words)}"),
                "filtered" => Query(word, filters: new() { ["kind"] = [random.Choice(new[] { "Component", "API", "Resource" })] }),
                "docs only" => Query(word, types: ["techdocs"]),
                "browse" => Query("", filters: new() { ["kind"] = ["Component"], ["lifecycle"] = ["production"] }),
                _ => Query(word[..Math.Min(word.Length, random.Between(2, 4))]),
            };
            queries.Add((category, query));
        }

        return queries;
    }

    private static SearchQuery Query(string term, string[]? types = null, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        new(term, types ?? [], filters ?? [], null, 25);

    /// <summary>The word with two neighbouring letters swapped (one edit), when it is long enough to be fuzzy-matched.</summary>
    private static string Typo(string word, SeededRandom random)
    {
        if (word.Length < 4)
        {
            return word;
        }

        var at = random.Between(1, word.Length - 2);
        var letters = word.ToCharArray();
        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
        return new string(letters);
    }
}
