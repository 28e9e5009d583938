using Greenroom.Search.Engine;
using Greenroom.Search.Tests.Support;

namespace Greenroom.Search.Tests.Lucene;

public sealed class LuceneSearchEngineTests : IAsyncLifetime, IDisposable
{
    private readonly TempIndex _folder = new();
    private readonly Greenroom.Search.Lucene.LuceneSearchEngine _engine;

    public LuceneSearchEngineTests() => _engine = _folder.Open();

    public async Task InitializeAsync() => await _engine.RebuildAsync(Docs.Stream(
    [
        Docs.Entity("petstore", "Pet Store", "Sells pets to customers", tags: "java web"),
        Docs.Entity("checkout", "Checkout", "Payment flow of the pet store", type: "website", owner: "team-b", lifecycle: "experimental", tags: "web"),
        Docs.Entity("inventory", text: "Stock levels for warehouses", owner: "team-b"),
        Docs.Entity("petstore-api", kind: "API", type: "openapi", text: "The pet store API"),
        Docs.Entity("team-a", "Team Alpha", kind: "Group", type: "team", owner: "", lifecycle: ""),
        Docs.Page("petstore", "guide/setup", "Setting up", "Install the flux capacitor before the first run"),
    ]), null, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _engine.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Finds_a_document_by_a_word_of_its_text()
    {
        var page = await _engine.SearchAsync("warehouses");

        Assert.Equal(["inventory"], page.Titles());
        Assert.Equal(1, page.NumberOfResults);
        Assert.Equal("/catalog/default/component/inventory", page.Results[0].Document["location"]);
        Assert.Equal("software-catalog", page.Results[0].Type);
        Assert.Equal(1, page.Results[0].Rank);
    }

    [Fact]
    public async Task Ranks_a_title_match_above_text_matches()
    {
        var page = await _engine.SearchAsync("pet store");

        Assert.Equal("Pet Store", page.Titles()[0]);
        Assert.Contains("Checkout", page.Titles());
    }

    [Fact]
    public async Task Matches_a_word_by_the_prefix_typed_so_far()
    {
        var page = await _engine.SearchAsync("invent");

        Assert.Equal(["inventory"], page.Titles());
    }

    [Fact]
    public async Task Tolerates_a_typo()
    {
        var page = await _engine.SearchAsync("invetnory");

        Assert.Equal(["inventory"], page.Titles());
    }

    [Fact]
    public async Task Requires_every_word_to_match()
    {
        var page = await _engine.SearchAsync("pet warehouses");

        Assert.Empty(page.Results);
    }

    [Fact]
    public async Task Marks_matched_words_in_title_and_text_with_tags_unique_to_the_answer()
    {
        var first = await _engine.SearchAsync("capacitor");
        var second = await _engine.SearchAsync("capacitor");

        var highlight = Assert.Single(first.Results).Highlight!;
        Assert.Equal($"Install the flux {highlight.PreTag}capacitor{highlight.PostTag} before the first run", highlight.Fields["text"]);
        Assert.False(highlight.Fields.ContainsKey("title"));
        Assert.NotEqual(highlight.PreTag, second.Results[0].Highlight!.PreTag);
        Assert.StartsWith("</", highlight.PostTag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlights_the_word_a_prefix_or_typo_matched()
    {
        var page = await _engine.SearchAsync("warehuoses");

        var highlight = page.Results[0].Highlight!;
        Assert.Contains($"{highlight.PreTag}warehouses{highlight.PostTag}", highlight.Fields["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_everything_without_highlights_for_an_empty_term()
    {
        var page = await _engine.SearchAsync("");

        Assert.Equal(6, page.NumberOfResults);
        Assert.All(page.Results, r => Assert.Null(r.Highlight));
    }

    [Fact]
    public async Task Filters_by_document_type_and_field_values_case_insensitively()
    {
        var components = await _engine.SearchAsync("pet", types: ["software-catalog"], filters: new() { ["kind"] = ["component"] });
        var either = await _engine.SearchAsync("", filters: new() { ["owner"] = ["TEAM-B", "nobody"] });
        var docs = await _engine.SearchAsync("", types: ["techdocs"]);
        var tagged = await _engine.SearchAsync("", filters: new() { ["tags"] = ["java"] });

        Assert.Equal(["Pet Store", "Checkout"], components.Titles());
        Assert.Equal(["checkout", "inventory"], either.Results.Select(r => r.Document["name"]).Order().ToList());
        Assert.Equal(["Setting up"], docs.Titles());
        Assert.Equal(["Pet Store"], tagged.Titles());
    }

    [Fact]
    public async Task Counts_facet_values_that_differ_only_in_case_as_one()
    {
        await _engine.UpdateAsync([new SearchUpdate("techdocs", "component:default/checkout", [Docs.Page("checkout", "index", "Checkout docs", "How to pay") with
        {
            Fields = new Dictionary<string, string> { ["kind"] = "component", ["name"] = "checkout" },
        }])], CancellationToken.None);

        var page = await _engine.SearchAsync("");

        Assert.Equal(new FacetCount("Component", 5), page.Facets["kind"][0]);
    }

    [Fact]
    public async Task Ignores_a_filter_without_values()
    {
        var page = await _engine.SearchAsync("", filters: new() { ["kind"] = [] });

        Assert.Equal(6, page.NumberOfResults);
    }

    [Fact]
    public async Task Counts_facet_values_over_all_hits_not_only_the_page()
    {
        var page = await _engine.SearchAsync("", limit: 1);

        Assert.Single(page.Results);
        Assert.Equal([new FacetCount("software-catalog", 5), new FacetCount("techdocs", 1)], page.Facets["types"]);
        Assert.Equal([new FacetCount("Component", 4), new FacetCount("API", 1), new FacetCount("Group", 1)], page.Facets["kind"]);
        Assert.Equal([new FacetCount("team-a", 2), new FacetCount("team-b", 2)], page.Facets["owner"]);
        Assert.Equal(new FacetCount("experimental", 1), page.Facets["lifecycle"][1]);
        Assert.Contains(new FacetCount("openapi", 1), page.Facets["type"]);
    }

    [Fact]
    public async Task Counts_a_filtered_facet_without_its_own_filter_and_the_others_with_it()
    {
        var page = await _engine.SearchAsync("", types: ["software-catalog"], filters: new() { ["kind"] = ["Component"] });

        Assert.Equal(3, page.NumberOfResults);
        Assert.Equal([new FacetCount("Component", 3), new FacetCount("API", 1), new FacetCount("Group", 1)], page.Facets["kind"]);
        Assert.Equal([new FacetCount("software-catalog", 3), new FacetCount("techdocs", 1)], page.Facets["types"]);
        Assert.Equal([new FacetCount("team-b", 2), new FacetCount("team-a", 1)], page.Facets["owner"]);
    }

    [Fact]
    public async Task Counts_each_filtered_facet_over_the_other_filters_and_applies_filters_without_facets_to_all()
    {
        var page = await _engine.SearchAsync("", filters: new()
        {
            ["kind"] = ["Component"],
            ["lifecycle"] = ["production"],
            ["tags"] = ["web"],
        });

        Assert.Equal(["Pet Store"], page.Titles());
        Assert.Equal([new FacetCount("Component", 1)], page.Facets["kind"]);
        Assert.Equal([new FacetCount("experimental", 1), new FacetCount("production", 1)], page.Facets["lifecycle"]);
        Assert.Equal([new FacetCount("team-a", 1)], page.Facets["owner"]);
        Assert.Equal([new FacetCount("software-catalog", 1)], page.Facets["types"]);
    }

    [Fact]
    public async Task Counts_facets_of_a_text_query_over_its_hits_with_sideways_counts_for_its_filters()
    {
        var page = await _engine.SearchAsync("pet", filters: new() { ["kind"] = ["API"] });

        Assert.Equal(["petstore-api"], page.Titles());
        Assert.Equal([new FacetCount("Component", 3), new FacetCount("API", 1)], page.Facets["kind"]);
        Assert.Equal([new FacetCount("openapi", 1)], page.Facets["type"]);
    }

    [Fact]
    public async Task Facet_counts_follow_updates_and_deletes()
    {
        var before = await _engine.SearchAsync("", filters: new() { ["kind"] = ["Component"] });
        await _engine.UpdateAsync(
            [
                new SearchUpdate("software-catalog", "component:default/checkout", [Docs.Entity("checkout", "Checkout", lifecycle: "production", owner: "team-c")]),
                new SearchUpdate("software-catalog", "component:default/inventory", []),
            ],
            CancellationToken.None);

        var after = await _engine.SearchAsync("", filters: new() { ["kind"] = ["Component"] });

        Assert.Equal(4, before.NumberOfResults);
        Assert.Equal(3, after.NumberOfResults);
        Assert.Equal([new FacetCount("Component", 3), new FacetCount("API", 1), new FacetCount("Group", 1)], after.Facets["kind"]);
        Assert.Equal([new FacetCount("production", 2)], after.Facets["lifecycle"]);
        Assert.Equal([new FacetCount("team-a", 1), new FacetCount("team-c", 1)], after.Facets["owner"]);
    }

    [Fact]
    public async Task Browsing_again_gives_the_same_pages_and_counts()
    {
        Dictionary<string, IReadOnlyList<string>> components = new() { ["kind"] = ["Component"] };
        var first = await _engine.SearchAsync("", filters: components, limit: 2);
        var again = await _engine.SearchAsync("", filters: components, limit: 2);
        var second = await _engine.SearchAsync("", filters: components, cursor: first.NextPageCursor, limit: 2);

        Assert.Equal(first.Titles(), again.Titles());
        Assert.Equal(first.NumberOfResults, again.NumberOfResults);
        Assert.All(first.Facets, f => Assert.Equal(f.Value, again.Facets[f.Key]));
        Assert.Equal(4, second.NumberOfResults);
        Assert.Null(second.NextPageCursor);
        Assert.Equal([3, 4], second.Results.Select(r => r.Rank));
        Assert.Equal(["Checkout", "Pet Store", "Setting up", "inventory"], first.Titles().Concat(second.Titles()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_through_all_hits_with_cursors()
    {
        await _engine.ReplaceTypeAsync("bulk", Docs.Stream(Enumerable.Range(0, 23).Select(i => Docs.Entity($"bulk-{i}", text: "bulk widget", documentType: "bulk"))), CancellationToken.None);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _engine.SearchAsync("widget", cursor: cursor, limit: 10);
            Assert.Equal(23, page.NumberOfResults);
            Assert.Equal(pages == 0, page.PreviousPageCursor is null);
            Assert.Equal((pages * 10) + 1, page.Results[0].Rank);
            seen.AddRange(page.Results.Select(r => r.Document["name"]));
            cursor = page.NextPageCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(23, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("AND (")]
    [InlineData("*")]
    [InlineData("?ab*")]
    [InlineData("title:pet")]
    [InlineData("pet~2^9")]
    [InlineData("\\")]
    [InlineData("{[}]/!")]
    [InlineData("-pet +store")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb")]
    public async Task Never_fails_on_query_syntax_in_the_term(string term)
    {
        var page = await _engine.SearchAsync(term);

        Assert.True(page.NumberOfResults >= 0);
    }

    [Fact]
    public async Task Finds_words_inside_text_that_looks_like_query_syntax()
    {
        var page = await _engine.SearchAsync("pet AND store)");

        Assert.Contains("Pet Store", page.Titles());
    }

    [Fact]
    public async Task Rejects_a_cursor_it_did_not_issue()
    {
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => _engine.SearchAsync("pet", cursor: "not a cursor"));

        Assert.Contains("pageCursor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_pages_beyond_the_result_window()
    {
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => _engine.SearchAsync("pet", cursor: PageCursor.Encode(100), limit: 100));

        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_replaces_one_entitys_documents_of_one_type_and_leaves_its_others()
    {
        await _engine.UpdateAsync(
            [new SearchUpdate("software-catalog", "component:default/petstore", [Docs.Entity("petstore", "Animal Shop")])],
            CancellationToken.None);

        Assert.DoesNotContain("Pet Store", (await _engine.SearchAsync("pet", types: ["software-catalog"])).Titles());
        Assert.Equal(["Animal Shop"], (await _engine.SearchAsync("animal")).Titles());
        Assert.Equal(["Setting up"], (await _engine.SearchAsync("capacitor")).Titles());
    }

    [Fact]
    public async Task Update_without_documents_removes_the_entitys_documents_of_that_type()
    {
        await _engine.UpdateAsync([new SearchUpdate("techdocs", "component:default/petstore", [])], CancellationToken.None);

        Assert.Empty((await _engine.SearchAsync("capacitor")).Results);
        Assert.Equal(5, await _engine.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Suggests_titles_and_names_starting_like_the_term()
    {
        var suggestions = await _engine.SuggestAsync("pet st", [], 5, CancellationToken.None);
        var typo = await _engine.SuggestAsync("chekout", [], 5, CancellationToken.None);
        var textOnly = await _engine.SuggestAsync("capacitor", [], 5, CancellationToken.None);

        Assert.Equal("Pet Store", suggestions[0].Title);
        Assert.Equal("/catalog/default/component/petstore", suggestions[0].Location);
        Assert.Equal("Component", suggestions[0].Kind);
        Assert.Equal(["Checkout"], typo.Select(s => s.Title));
        Assert.Empty(textOnly);
    }
}
