using Greenroom.Catalog.Query;
using Greenroom.Catalog.StoreContract.TestData;
using Greenroom.Storage.Sqlite.Query;

namespace Greenroom.Storage.Sqlite.Tests.Query;

/// <summary>
/// The collecting page plan (a narrow filter such as <c>kind=api</c>, sorted) must read each match's sort value by
/// the entity's primary key. A plan that searches the (key, value, entity_ref) index by key alone walks every row of
/// the key for every match: seconds at 10k entities, with correct results, so only the plan shows it.
/// </summary>
public sealed class EntityQuerySqlPlanTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string, bool, string> Pages()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var field in QueryPlans.PortalOrders)
        {
            foreach (var descending in new[] { false, true })
            {
                foreach (var page in new[] { "first", "next", "previous" })
                {
                    data.Add(field, descending, page);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_kind_filter_sorted_by_a_portal_field_reads_sort_values_by_primary_key(string field, bool descending, string page)
    {
        var path = _database.NewPath();
        await QueryPlans.SeedAsync(path);
        var after = page switch
        {
            "next" => new KeysetPosition(["m"], EntityJson.Ref("api", "m"), Backward: false),
            "previous" => new KeysetPosition(["m"], EntityJson.Ref("api", "m"), Backward: true),
            _ => null,
        };
        var query = new EntityQuery(
            QueryPlans.Kind("api"),
            [new EntityOrder(field, descending)], null, 20, null, after, true);

        var plan = await QueryPlans.ExplainAsync(path, (_, _) => EntityQuerySql.Page(query, FilterMode.Set));

        var sortValueReads = plan.Where(line => line.Contains("SEARCH s ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sortValueReads);
        Assert.All(sortValueReads, line => Assert.Contains("USING PRIMARY KEY (entity_ref=? AND key=?)", line, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.EndsWith("(key=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_collecting_plan_still_sorts_by_each_entitys_smallest_value_in_both_directions()
    {
        var path = _database.NewPath();
        await QueryPlans.SeedAsync(path);
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var filter = QueryPlans.Kind("api");

        var ascending = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", false)], null, 3, null, null, false), None);
        var descending = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", true)], null, 3, null, null, false), None);
        var next = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", false)], null, 3, null,
            new KeysetPosition(ascending.SortValues[^1], ascending.Items[^1].EntityRef, Backward: false), false), None);

        Assert.Equal(["api:default/a", "api:default/b", "api:default/c"], ascending.Items.Select(i => i.EntityRef));
        Assert.Equal(["api:default/z", "api:default/y", "api:default/x"], descending.Items.Select(i => i.EntityRef));
        Assert.Equal(["api:default/d", "api:default/e", "api:default/f"], next.Items.Select(i => i.EntityRef));
    }
}
