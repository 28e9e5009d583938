using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.StoreContract.TestData;
using Greenroom.Storage.Sqlite.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Tests.Query;

/// <summary>
/// A small catalog and EXPLAIN QUERY PLAN over the store's statements. SQLite keeps no statistics here (no ANALYZE),
/// so a plan chosen on a small file is the plan a large one gets; a slow plan shows in it without timing anything.
/// </summary>
internal static class QueryPlans
{
    /// <summary>The sort fields the portal offers.</summary>
    public static readonly string[] PortalOrders = ["metadata.name", "metadata.title", "spec.owner", "spec.type", "spec.lifecycle"];

    public static EntityFilter Kind(string kind) => new([new FilterAlternative([new FilterCondition("kind", [kind])])]);

    /// <summary>APIs a..z beside a hundred components, all with the portal's sort fields.</summary>
    public static async Task SeedAsync(string path)
    {
        var none = CancellationToken.None;
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var location = await store.AddLocationAsync(new LocationSpec("file", "c.yaml", LocationOrigin.Config), none);
        var spec = new Dictionary<string, object> { ["type"] = "openapi", ["owner"] = "group:default/team", ["lifecycle"] = "production" };
        var apis = Enumerable.Range('a', 26).Select(c => ((char)c).ToString())
            .Select(name => Ingest.Changed(EntityJson.Ref("api", name), json: EntityJson.Processed("API", name, spec, title: name.ToUpperInvariant())));
        var components = Enumerable.Range(0, 100)
            .Select(i => Ingest.Changed(EntityJson.Ref("component", $"c{i}"), json: EntityJson.Processed("Component", $"c{i}", spec, title: $"C{i}")));
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, apis.Concat(components).ToArray()), none);
        await TestStitcher.StitchAllAsync(store);
    }

    /// <summary>The detail lines of EXPLAIN QUERY PLAN for the statement <paramref name="build"/> makes, with its bound values.</summary>
    public static async Task<List<string>> ExplainAsync(string path, Func<SqliteConnection, SqliteTransaction, SqlBuilder> build)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = build(connection, transaction).ToCommand(connection, transaction);
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
