using Greenroom.Catalog.Query;
using Greenroom.Catalog.StoreContract.TestData;
using Greenroom.Storage.Sqlite.Query;

namespace Greenroom.Storage.Sqlite.Tests.Query;

/// <summary>
/// The index-ordered page (a broad filter, sorted) probes each walked entity's own rows by primary key, and reads the
/// entities without a value only within the filtered kind's refs.
/// </summary>
public sealed class IndexOrderedPagePlanTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string, bool> Orders()
    {
        var data = new TheoryData<string, bool>();
        foreach (var field in QueryPlans.PortalOrders)
        {
            data.Add(field, false);
            data.Add(field, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Entities_without_a_value_are_probed_by_primary_key_within_the_kinds_refs(string field, bool backward)
    {
        var path = _database.NewPath();
        await QueryPlans.SeedAsync(path);
        var position = new KeysetPosition([null], EntityJson.Ref("component", "c5"), backward);
        var query = new EntityQuery(QueryPlans.Kind("component"), [new EntityOrder(field, false)], null, 20, null, position, false);

        var plan = await QueryPlans.ExplainAsync(path, (c, t) => new IndexOrderedPage(c, t, query).WithoutValueSql(backward, position, 21, 0));

        AssertProbesByPrimaryKey(plan);
        Assert.Contains(plan, line => line.StartsWith("SEARCH f USING INDEX sqlite_autoindex_final_entities_1 (ref>? AND ref<?)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Counting_entities_with_a_value_probes_them_by_primary_key(string field, bool descending)
    {
        var path = _database.NewPath();
        await QueryPlans.SeedAsync(path);
        var query = new EntityQuery(QueryPlans.Kind("component"), [new EntityOrder(field, descending)], null, 20, 500, null, false);

        var plan = await QueryPlans.ExplainAsync(path, (c, t) => new IndexOrderedPage(c, t, query).CountWithValueSql());

        AssertProbesByPrimaryKey(plan);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Entities_with_a_value_are_walked_in_index_order_and_probed_by_primary_key(string field, bool backward)
    {
        var path = _database.NewPath();
        await QueryPlans.SeedAsync(path);
        var position = new KeysetPosition(["m"], EntityJson.Ref("component", "c5"), backward);
        var query = new EntityQuery(QueryPlans.Kind("component"), [new EntityOrder(field, false)], null, 20, null, position, false);

        var plan = await QueryPlans.ExplainAsync(path, (c, t) => new IndexOrderedPage(c, t, query).WithValueSql(backward, position, 21, 0));

        // The walk itself is the one range of the key index; no temporary sort, every probe by primary key.
        Assert.StartsWith("SEARCH o USING COVERING INDEX search_key_value (key=?", plan[0], StringComparison.Ordinal);
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.All(plan.Where(line => line.StartsWith("SEARCH d ", StringComparison.Ordinal)),
            line => Assert.Contains("USING PRIMARY KEY (entity_ref=? AND key=?)", line, StringComparison.Ordinal));
    }

    private static void AssertProbesByPrimaryKey(List<string> plan)
    {
        var probes = plan.Where(line => line.StartsWith("SEARCH o ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(probes);
        Assert.All(probes, line => Assert.Contains("USING PRIMARY KEY (entity_ref=? AND key=?)", line, StringComparison.Ordinal));
    }
}
