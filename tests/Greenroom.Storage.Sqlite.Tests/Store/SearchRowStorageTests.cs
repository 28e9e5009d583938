using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>How filter rows are stored: the written value only where its case differs from the lower-cased one.</summary>
public sealed class SearchRowStorageTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>A store in a new database whose one location has ingested <paramref name="entities"/>.</summary>
    private async Task<(string Path, SqliteCatalogStore Store)> IngestedAsync(params IngestedEntity[] entities)
    {
        var path = _database.NewPath();
        var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var location = await store.AddLocationAsync(new LocationSpec("file", "c.yaml", LocationOrigin.Config), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, entities), None);
        return (path, store);
    }

    [Fact]
    public async Task Keeps_the_written_value_only_when_it_is_not_already_lower_case_and_facets_still_report_it()
    {
        var a = EntityJson.Ref("component", "a");
        var (path, store) = await IngestedAsync(Ingest.Changed(a, json: EntityJson.Processed("Component", "a", tags: ["java", "Web"])));
        await using var owned = store;
        await TestStitcher.StitchAllAsync(store);

        var stored = await RawDatabase.ColumnAsync(path,
            "SELECT value || '=' || COALESCE(original_value, 'NULL') FROM search WHERE key = 'metadata.tags' ORDER BY value");
        Assert.Equal(["java=NULL", "web=Web"], stored);

        var facets = await store.GetFacetsAsync(["metadata.tags", "kind"], null, None);
        Assert.Equal([new("Web", 1), new("java", 1)], facets["metadata.tags"]);
        Assert.Equal([new("Component", 1)], facets["kind"]);
    }

    [Fact]
    public async Task Migration_0003_drops_original_values_equal_to_the_lower_cased_ones()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(None);
        }

        // Rows as schema version 2 wrote them (every row carried its written value), then the script of version 3.
        await RawDatabase.ExecuteAsync(path,
            "INSERT INTO search (entity_ref, key, seq, value, original_value) VALUES " +
            "('component:default/a', 'spec.type', 0, 'service', 'service'), ('component:default/a', 'kind', 1, 'component', 'Component')");
        await RawDatabase.ExecuteAsync(path, Sqlite.Migrations.SqliteMigrator.All.Single(m => m.Version == 3).Sql);

        var rows = await RawDatabase.ColumnAsync(path, "SELECT key || '=' || COALESCE(original_value, 'NULL') FROM search ORDER BY key");
        Assert.Equal(["kind=Component", "spec.type=NULL"], rows);
    }

    [Fact]
    public async Task A_rewritten_final_form_replaces_its_rows_and_a_new_one_after_another_insert_keeps_only_its_own()
    {
        var a = EntityJson.Ref("component", "a");
        var b = EntityJson.Ref("component", "b");
        var (path, store) = await IngestedAsync(Ingest.Changed(a), Ingest.Changed(b));
        await using var owned = store;
        var sources = await store.GetStitchSourcesAsync([a, b], None);
        var finalA = TestStitcher.Build(sources.Single(s => s.EntityRef == a), Ingest.T0)!;
        var finalB = TestStitcher.Build(sources.Single(s => s.EntityRef == b), Ingest.T0)!;

        // a inserted, then b inserted in the same write: the second insert must not be taken for an update of a.
        await store.WriteFinalEntitiesAsync([finalA with { SearchRows = [new("k", "a1", null)] }, finalB with { SearchRows = [new("k", "b1", null)] }], [a, b], None);
        // a updated in place: its old rows go, b's stay.
        await store.WriteFinalEntitiesAsync([finalA with { SearchRows = [new("k", "a2", null)] }], [a], None);

        var stored = await RawDatabase.ColumnAsync(path, "SELECT entity_ref || '=' || value FROM search WHERE key = 'k' ORDER BY entity_ref");
        Assert.Equal([$"{a}=a2", $"{b}=b1"], stored);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stores_identical_rows_once_numbering_them_in_the_order_given(bool repeated)
    {
        var a = EntityJson.Ref("component", "a");
        var (path, store) = await IngestedAsync(Ingest.Changed(a));
        await using var owned = store;
        var source = Assert.Single(await store.GetStitchSourcesAsync([a], None));
        var final = TestStitcher.Build(source, Ingest.T0)!;
        SearchRow[] given = repeated
            ? [new("b", "x", "X"), new("a", "1", null), new("b", "x", "X"), new("b", "y", null), new("a", "1", null), new("b", "x", "x")]
            : [new("b", "x", "X"), new("a", "1", null), new("b", "y", null), new("b", "x", "x")];

        await store.WriteFinalEntitiesAsync([final with { SearchRows = given }], [a], None);

        var stored = await RawDatabase.ColumnAsync(path,
            "SELECT key || ':' || seq || ':' || value || ':' || COALESCE(original_value, 'NULL') FROM search ORDER BY key, seq");
        Assert.Equal(["a:1:1:NULL", "b:0:x:X", "b:2:y:NULL", "b:3:x:NULL"], stored);
    }
}
