using Greenroom.Bench.Search;

namespace Greenroom.Bench.Tests.Search;

public sealed class SearchQueryMixTests
{
    [Fact]
    public void Spreads_the_queries_over_every_category_with_varied_terms()
    {
        var queries = SearchQueryMix.Build(300, seed: 1);

        Assert.Equal(300, queries.Count);
        Assert.Equal(SearchQueryMix.Categories.Order(), queries.Select(q => q.Category).Distinct().Order());
        Assert.True(queries.Select(q => q.Query.Term).Distinct().Count() > 150);
        Assert.All(queries.Where(q => q.Category == "docs only"), q => Assert.Equal(["techdocs"], q.Query.Types));
    }

    [Fact]
    public void Is_the_same_for_the_same_seed()
    {
        Assert.Equal(
            SearchQueryMix.Build(50, seed: 7).Select(q => q.Query.Term),
            SearchQueryMix.Build(50, seed: 7).Select(q => q.Query.Term));
    }
}
