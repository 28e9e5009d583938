using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    private static readonly string A = EntityJson.Ref("component", "a");
    private static readonly string B = EntityJson.Ref("component", "b");
    private static readonly string C = EntityJson.Ref("component", "c");
    private static readonly string D = EntityJson.Ref("api", "d");
    private static readonly string E = EntityJson.Ref("group", "e");

    /// <summary>Five entities with overlapping, partly missing and differently cased fields.</summary>
    private static Task SeedQueryCatalogAsync(ICatalogStore store)
    {
        static Dictionary<string, object> Spec(string? type, string lifecycle) =>
            type is null ? new() { ["lifecycle"] = lifecycle } : new() { ["type"] = type, ["lifecycle"] = lifecycle };
        return SeedAsync(store,
            Ingest.Changed(A, json: EntityJson.Processed("Component", "a", Spec("service", "production"), "Alpha Service", ["java", "Web"])),
            Ingest.Changed(B, json: EntityJson.Processed("Component", "b", Spec("website", "Production"), "Beta_Site")),
            Ingest.Changed(C, json: EntityJson.Processed("Component", "c", Spec("service", "experimental"), tags: ["java"])),
            Ingest.Changed(D, json: EntityJson.Processed("API", "d", Spec("openapi", "production"), "100% API")),
            Ingest.Changed(E, json: EntityJson.Processed("Group", "e")));
    }

    /// <summary>All entities with <paramref name="key"/> equal to any of <paramref name="values"/>.</summary>
    protected static EntityQuery Where(string key, params string[] values) =>
        Query(new EntityFilter([new FilterAlternative([new FilterCondition(key, values)])]));

    private static EntityQuery Query(
        EntityFilter? filter = null, IReadOnlyList<EntityOrder>? order = null, FullTextFilter? fullText = null,
        int? limit = null, int? offset = null, KeysetPosition? after = null, bool total = false) =>
        new(filter, order ?? [], fullText, limit, offset, after, total);

    private static EntityFilter AllOf(params FilterCondition[] conditions) => new([new FilterAlternative(conditions)]);

    private static async Task<string[]> RefsAsync(ICatalogStore store, EntityQuery query) =>
        (await store.QueryEntitiesAsync(query, None)).Items.Select(i => i.EntityRef).ToArray();

    [Fact]
    public async Task Filters_by_key_and_value_case_insensitively()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        Assert.Equal([A, C], await RefsAsync(store, Where("spec.type", "service")));
        Assert.Equal([A, C], await RefsAsync(store, Where("Spec.Type", "SERVICE")));
        Assert.Equal([A, B, C], await RefsAsync(store, Where("spec.type", "service", "website")));
        Assert.Empty(await RefsAsync(store, Where("spec.type", "nothing")));
    }

    [Fact]
    public async Task All_conditions_of_an_alternative_must_hold_and_any_alternative_may()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var both = AllOf(new FilterCondition("kind", ["component"]), new FilterCondition("spec.lifecycle", ["production"]));
        var either = new EntityFilter([
            new FilterAlternative([new FilterCondition("kind", ["api"])]),
            new FilterAlternative([new FilterCondition("spec.type", ["website"])]),
        ]);

        Assert.Equal([A, B], await RefsAsync(store, Query(both)));
        Assert.Equal([D, B], await RefsAsync(store, Query(either)));
    }

    [Fact]
    public async Task A_key_alone_matches_entities_that_have_it_and_negation_inverts_a_condition()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        Assert.Equal([D, A, B, C], await RefsAsync(store, Query(AllOf(new FilterCondition("spec.type", null)))));
        Assert.Equal([E], await RefsAsync(store, Query(AllOf(new FilterCondition("spec.type", null, Negate: true)))));
        Assert.Equal([D, B, E], await RefsAsync(store, Query(AllOf(new FilterCondition("spec.type", ["service"], Negate: true)))));
        Assert.Equal([D, B], await RefsAsync(store, Query(AllOf(
            new FilterCondition("spec.type", null), new FilterCondition("spec.type", ["service"], Negate: true)))));
    }

    [Fact]
    public async Task Filters_on_relations_by_target_ref()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA), Ingest.Changed(TeamB));

        Assert.Equal([Svc], await RefsAsync(store, Where("relations.ownedby", TeamA)));
        Assert.Equal([TeamA], await RefsAsync(store, Where("relations.ownerof", Svc)));
    }

    [Fact]
    public async Task Full_text_matches_a_substring_of_the_given_fields_with_wildcards_taken_literally()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);
        FullTextFilter Text(string term, params string[] fields) => new(term, fields);

        Assert.Equal([A], await RefsAsync(store, Query(fullText: Text("ALPHA", "metadata.title"))));
        Assert.Equal([D, A, B], await RefsAsync(store, Query(fullText: Text(" a ", "metadata.name", "metadata.title"))));
        Assert.Equal([D], await RefsAsync(store, Query(fullText: Text("%", "metadata.title"))));
        Assert.Equal([B], await RefsAsync(store, Query(fullText: Text("_", "metadata.title"))));
        Assert.Empty(await RefsAsync(store, Query(fullText: Text("alpha", "metadata.name"))));
        Assert.Equal([A, C], await RefsAsync(store, Query(Where("spec.type", "service").Filter, fullText: Text("SER", "metadata.name", "spec.type"))));
    }

    [Fact]
    public async Task Orders_by_field_value_with_missing_values_last_then_by_ref()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var ascending = await store.QueryEntitiesAsync(Query(order: [new EntityOrder("metadata.title", false)]), None);
        var descending = await RefsAsync(store, Query(order: [new EntityOrder("metadata.title", true)]));
        var byTypeThenName = await RefsAsync(store, Query(order: [new EntityOrder("spec.type", false), new EntityOrder("metadata.name", true)]));

        Assert.Equal([D, A, B, C, E], ascending.Items.Select(i => i.EntityRef));
        Assert.Equal(["100% api", "alpha service", "beta_site", null, null], ascending.SortValues.Select(v => Assert.Single(v)));
        Assert.Equal([B, A, D, C, E], descending);
        Assert.Equal([D, C, A, B, E], byTypeThenName);
        Assert.Equal([D, A, B, C, E], await RefsAsync(store, Query()));
    }

    [Fact]
    public async Task Pages_by_offset_and_limit_and_reports_the_total_and_whether_more_follow()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var middle = await store.QueryEntitiesAsync(Query(limit: 2, offset: 1, total: true), None);
        var last = await store.QueryEntitiesAsync(Query(limit: 2, offset: 3, total: true), None);
        var filtered = await store.QueryEntitiesAsync(Query(Where("kind", "component").Filter, limit: 10, total: true), None);
        var countOnly = await store.QueryEntitiesAsync(Query(limit: 0, total: true), None);
        var anyTag = await store.QueryEntitiesAsync(Query(Where("metadata.tags", "java", "web").Filter, limit: 0, total: true), None);
        var javaButNotA = await store.QueryEntitiesAsync(
            Query(AllOf(new FilterCondition("metadata.tags", ["java"]), new FilterCondition("metadata.name", ["a"], Negate: true)), limit: 0, total: true), None);
        var negatedOnly = await store.QueryEntitiesAsync(Query(AllOf(new FilterCondition("kind", ["component"], Negate: true)), limit: 0, total: true), None);
        var noTotal = await store.QueryEntitiesAsync(Query(limit: 1), None);

        Assert.Equal([A, B], middle.Items.Select(i => i.EntityRef));
        Assert.True(middle.HasMore);
        Assert.Equal(5, middle.TotalItems);
        Assert.Equal([C, E], last.Items.Select(i => i.EntityRef));
        Assert.False(last.HasMore);
        Assert.Equal(3, filtered.TotalItems);
        Assert.False(filtered.HasMore);
        Assert.Empty(countOnly.Items);
        Assert.Equal(5, countOnly.TotalItems);
        Assert.Null(noTotal.TotalItems);
        Assert.Equal(2, anyTag.TotalItems);
        Assert.Equal(1, javaButNotA.TotalItems);
        Assert.Equal(2, negatedOnly.TotalItems);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Keyset_pages_walk_forward_and_back_over_every_row_exactly_once(bool descending)
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);
        EntityOrder[] order = [new("metadata.title", descending), new("spec.lifecycle", false)];
        var all = await RefsAsync(store, Query(order: order));

        var forward = new List<string>();
        var pages = new List<EntityQueryResult>();
        KeysetPosition? after = null;
        do
        {
            var page = await store.QueryEntitiesAsync(Query(order: order, limit: 2, after: after), None);
            pages.Add(page);
            forward.AddRange(page.Items.Select(i => i.EntityRef));
            after = page.HasMore ? new KeysetPosition(page.SortValues[^1], page.Items[^1].EntityRef, false) : null;
        }
        while (after is not null);

        Assert.Equal(all, forward);
        Assert.Equal(3, pages.Count);

        // Back from the first row of the last page: the rows before it, still in forward order.
        var lastPage = pages[^1];
        var back = await store.QueryEntitiesAsync(
            Query(order: order, limit: 2, after: new KeysetPosition(lastPage.SortValues[0], lastPage.Items[0].EntityRef, true)), None);
        Assert.Equal(pages[1].Items, back.Items);
        Assert.Equal(pages[1].SortValues, back.SortValues);
        Assert.True(back.HasMore);
        var first = await store.QueryEntitiesAsync(
            Query(order: order, limit: 2, after: new KeysetPosition(back.SortValues[0], back.Items[0].EntityRef, true)), None);
        Assert.Equal(pages[0].Items, first.Items);
        Assert.False(first.HasMore);
    }

    [Theory]
    [InlineData("metadata.title", false, false)]
    [InlineData("metadata.title", true, false)]
    [InlineData("metadata.title", false, true)]
    [InlineData("spec.type", true, true)]
    [InlineData("metadata.tags", false, false)]
    public async Task Keyset_pages_by_one_field_match_the_full_ordering_in_both_directions(string field, bool descending, bool filtered)
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);
        EntityOrder[] order = [new(field, descending)];
        var filter = filtered ? AllOf(new FilterCondition("kind", ["component", "api", "group"])) : null;
        var all = await store.QueryEntitiesAsync(Query(filter, order), None);

        var pages = new List<EntityQueryResult>();
        KeysetPosition? after = null;
        do
        {
            var page = await store.QueryEntitiesAsync(Query(filter, order, limit: 2, after: after), None);
            pages.Add(page);
            after = page.HasMore ? new KeysetPosition(page.SortValues[^1], page.Items[^1].EntityRef, false) : null;
        }
        while (after is not null);

        Assert.Equal(all.Items, pages.SelectMany(p => p.Items));
        Assert.Equal(all.SortValues, pages.SelectMany(p => p.SortValues));
        for (var i = pages.Count - 1; i > 0; i--)
        {
            var back = await store.QueryEntitiesAsync(
                Query(filter, order, limit: 2, after: new KeysetPosition(pages[i].SortValues[0], pages[i].Items[0].EntityRef, true)), None);
            Assert.Equal(pages[i - 1].Items, back.Items);
            Assert.Equal(i > 1, back.HasMore);
        }
    }

    [Fact]
    public async Task An_entity_with_several_values_sorts_once_by_its_smallest()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var page = await store.QueryEntitiesAsync(Query(order: [new EntityOrder("metadata.tags", false)]), None);
        var descending = await RefsAsync(store, Query(order: [new EntityOrder("metadata.tags", true)]));

        Assert.Equal([A, C, D, B, E], page.Items.Select(i => i.EntityRef));
        Assert.Equal(["java", "java", null, null, null], page.SortValues.Select(v => Assert.Single(v)));
        Assert.Equal([A, C, D, B, E], descending);
    }

    [Fact]
    public async Task An_entity_whose_smallest_value_is_written_twice_in_different_cases_still_sorts_once()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store,
            Ingest.Changed(A, json: EntityJson.Processed("Component", "a", tags: ["Java", "java", "web"])),
            Ingest.Changed(B, json: EntityJson.Processed("Component", "b", tags: ["go"])));

        var page = await store.QueryEntitiesAsync(Query(AllOf(new FilterCondition("kind", ["component"])), [new EntityOrder("metadata.tags", false)]), None);

        Assert.Equal([B, A], page.Items.Select(i => i.EntityRef));
    }

    [Fact]
    public async Task Offset_pages_continue_from_entities_with_the_field_into_those_without()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);
        EntityOrder[] byTitle = [new("metadata.title", false)];

        Assert.Equal([B, C], await RefsAsync(store, Query(order: byTitle, limit: 2, offset: 2)));
        Assert.Equal([C, E], await RefsAsync(store, Query(order: byTitle, limit: 5, offset: 3)));
        Assert.Equal([E], await RefsAsync(store, Query(order: byTitle, offset: 4)));
        Assert.Empty(await RefsAsync(store, Query(order: byTitle, limit: 5, offset: 5)));
        var filtered = await store.QueryEntitiesAsync(Query(AllOf(new FilterCondition("kind", ["component"])), byTitle, limit: 1, offset: 2, total: true), None);
        Assert.Equal([C], filtered.Items.Select(i => i.EntityRef));
        Assert.Equal((3, false), (filtered.TotalItems!.Value, filtered.HasMore));
    }

    [Fact]
    public async Task Counts_facet_values_as_written_most_frequent_first()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var facets = await store.GetFacetsAsync(["spec.lifecycle", "metadata.tags", "Kind", "spec.nothing"], null, None);

        Assert.Equal([new("production", 2), new("Production", 1), new("experimental", 1)], facets["spec.lifecycle"]);
        Assert.Equal([new("java", 2), new("Web", 1)], facets["metadata.tags"]);
        Assert.Equal([new("Component", 3), new("API", 1), new("Group", 1)], facets["Kind"]);
        Assert.Empty(facets["spec.nothing"]);
    }

    [Fact]
    public async Task Counts_an_entity_once_per_facet_value_even_when_written_twice()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store,
            Ingest.Changed(A, json: EntityJson.Processed("Component", "a", tags: ["java", "java", "Java"])),
            Ingest.Changed(B, json: EntityJson.Processed("Component", "b", tags: ["java"])));

        var facets = await store.GetFacetsAsync(["metadata.tags"], null, None);

        Assert.Equal([new("java", 2), new("Java", 1)], facets["metadata.tags"]);
    }

    [Fact]
    public async Task Counts_facets_only_among_entities_matching_the_filter()
    {
        var store = await CreateStoreAsync();
        await SeedQueryCatalogAsync(store);

        var facets = await store.GetFacetsAsync(["spec.lifecycle"], AllOf(new FilterCondition("kind", ["component"])), None);

        Assert.Equal([new("Production", 1), new("experimental", 1), new("production", 1)], facets["spec.lifecycle"]);
    }
}
