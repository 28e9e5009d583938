using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.StoreContract.TestData;
using Greenroom.Storage.Sqlite.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Tests.Query;

/// <summary>
/// The collecting page plan (a narrow filter such as <c>kind=api</c>, sorted) must read each match's sort value by
/// the entity's primary key. A plan that searches the (key, value, entity_ref) index by key alone walks every row of
/// the key for every match: seconds at 10k entities, with correct results, so only the plan shows it.
/// </summary>
public sealed class EntityQuerySqlPlanTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] PortalOrders = ["metadata.name", "metadata.title", "spec.owner", "spec.type", "spec.lifecycle"];

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string, bool, string> Pages()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var field in PortalOrders)
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
        await SeedAsync(path);
        var after = page switch
        {
            "next" => new KeysetPosition(["m"], EntityJson.Ref("api", "m"), Backward: false),
            "previous" => new KeysetPosition(["m"], EntityJson.Ref("api", "m"), Backward: true),
            _ => null,
        };
        var query = new EntityQuery(
            new EntityFilter([new FilterAlternative([new FilterCondition("kind", ["api"])])]),
            [new EntityOrder(field, descending)], null, 20, null, after, true);

        var plan = await PlanAsync(path, EntityQuerySql.Page(query, FilterMode.Set));

        var sortValueReads = plan.Where(line => line.Contains("SEARCH s ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sortValueReads);
        Assert.All(sortValueReads, line => Assert.Contains("USING PRIMARY KEY (entity_ref=? AND key=?)", line, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.EndsWith("(key=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_collecting_plan_still_sorts_by_each_entitys_smallest_value_in_both_directions()
    {
        var path = _database.NewPath();
        await SeedAsync(path);
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var filter = new EntityFilter([new FilterAlternative([new FilterCondition("kind", ["api"])])]);

        var ascending = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", false)], null, 3, null, null, false), None);
        var descending = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", true)], null, 3, null, null, false), None);
        var next = await store.QueryEntitiesAsync(new EntityQuery(filter, [new EntityOrder("metadata.name", false)], null, 3, null,
            new KeysetPosition(ascending.SortValues[^1], ascending.Items[^1].EntityRef, Backward: false), false), None);

        Assert.Equal(["api:default/a", "api:default/b", "api:default/c"], ascending.Items.Select(i => i.EntityRef));
        Assert.Equal(["api:default/z", "api:default/y", "api:default/x"], descending.Items.Select(i => i.EntityRef));
        Assert.Equal(["api:default/d", "api:default/e", "api:default/f"], next.Items.Select(i => i.EntityRef));
    }

    /// <summary>APIs a..z beside a larger number of components, so a key-range walk would pass many foreign rows.</summary>
    private static async Task SeedAsync(string path)
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var location = await store.AddLocationAsync(new LocationSpec("file", "c.yaml", LocationOrigin.Config), None);
        var spec = new Dictionary<string, object> { ["type"] = "openapi", ["owner"] = "group:default/team", ["lifecycle"] = "production" };
        var apis = Enumerable.Range('a', 26).Select(c => ((char)c).ToString())
            .Select(name => Ingest.Changed(EntityJson.Ref("api", name), json: EntityJson.Processed("API", name, spec, title: name.ToUpperInvariant())));
        var components = Enumerable.Range(0, 100)
            .Select(i => Ingest.Changed(EntityJson.Ref("component", $"c{i}"), json: EntityJson.Processed("Component", $"c{i}", spec, title: $"C{i}")));
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, apis.Concat(components).ToArray()), None);
        await TestStitcher.StitchAllAsync(store);
    }

    /// <summary>The detail lines of EXPLAIN QUERY PLAN for the statement with its bound values.</summary>
    private static async Task<List<string>> PlanAsync(string path, SqlBuilder sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = sql.ToCommand(connection, transaction);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }
}
