using Greenroom.Catalog.Locations;

namespace Greenroom.Storage.Sqlite.Tests.Migrations;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Applies_every_numbered_migration_once_and_records_its_version()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.InitializeAsync(CancellationToken.None);
        }

        await using (var reopened = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await reopened.InitializeAsync(CancellationToken.None);
        }

        var versions = await RawDatabase.ColumnAsync(path, "SELECT version || ':' || name FROM schema_version ORDER BY version");
        var expected = Sqlite.Migrations.SqliteMigrator.All.Select(m => $"{m.Version}:{m.Name}");
        Assert.Equal(expected, versions);
        Assert.Equal("1:initial", versions[0]);
    }

    [Fact]
    public async Task Creates_the_tables_and_indexes_queries_rely_on()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        var names = await RawDatabase.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')");
        Assert.Superset(
            new HashSet<string>
            {
                "locations", "entities", "relations", "final_entities", "search", "entity_history", "stitch_queue",
                "entities_location", "entities_source", "relations_originating", "relations_source",
                "search_key_value", "final_entities_drop_search", "entity_history_uid", "final_entities_uid",
                "entities_with_errors", "entities_orphaned",
            },
            names.ToHashSet());
        Assert.DoesNotContain("stitch_queue_ticket", names);
    }

    [Fact]
    public async Task Uses_write_ahead_logging()
    {
        var path = _database.NewPath();
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        await store.InitializeAsync(CancellationToken.None);

        Assert.Equal("wal", await RawDatabase.ScalarAsync<string>(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Refuses_a_database_from_a_newer_schema_with_a_clear_message()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        await RawDatabase.ExecuteAsync(path, "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)");

        await using var newer = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync(CancellationToken.None));
        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initializes_on_first_use_when_not_initialized_explicitly()
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_database.Folder, "sub", "dir", "g.db") });

        var location = await store.AddLocationAsync(new LocationSpec("file", "a.yaml", LocationOrigin.Config), CancellationToken.None);

        Assert.Equal(location, await store.GetLocationAsync(location.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Migration_8_keeps_final_forms_and_their_search_rows_and_indexes_uids_without_a_unique_constraint()
    {
        var path = _database.NewPath();
        var upToSeven = Sqlite.Migrations.SqliteMigrator.All.Where(m => m.Version <= 7).ToList();
        await RawDatabase.ExecuteAsync(path,
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL); " +
            string.Concat(upToSeven.Select(m => m.Sql + $"\n; INSERT INTO schema_version VALUES ({m.Version}, '{m.Name}', 0);\n")) +
            "INSERT INTO locations VALUES ('l1', 'file', 'c.yaml', 'config', 0, 'ok', NULL, 2, '[]'); " +
            "INSERT INTO entities VALUES ('component:default/a', 'uid-a', 'l1', 'c.yaml', 'h', '{}', '[]', 0, 0, 0), " +
            "('component:default/b', 'uid-b', 'l1', 'c.yaml', 'h', '{}', '[]', 0, 0, 0); " +
            "INSERT INTO final_entities VALUES ('component:default/a', 'uid-a', '{\"kind\":\"Component\"}', 'fa', 0), " +
            "('component:default/b', 'uid-b', '{\"kind\":\"Component\"}', 'fb', 0); " +
            "INSERT INTO search VALUES ('component:default/a', 'kind', 0, 'component', 'Component'), " +
            "('component:default/b', 'kind', 0, 'component', 'Component')");
        Assert.Equal(1, await RawDatabase.ScalarAsync<int>(path,
            "SELECT COUNT(*) FROM pragma_index_list('final_entities') WHERE origin = 'u'"));

        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            var byUid = await store.GetEntityByUidAsync("uid-b", CancellationToken.None);
            Assert.Equal("component:default/b", byUid?.EntityRef);
        }

        Assert.Contains("8:final_entities_uid_index", await RawDatabase.ColumnAsync(path, "SELECT version || ':' || name FROM schema_version"));
        Assert.Equal(0, await RawDatabase.ScalarAsync<int>(path,
            "SELECT COUNT(*) FROM pragma_index_list('final_entities') WHERE origin = 'u'"));
        Assert.Contains("USING INDEX final_entities_uid",
            await RawDatabase.QueryPlanAsync(path, "SELECT ref FROM final_entities WHERE uid = 'uid-a'"), StringComparison.Ordinal);

        // The trigger came back with the table: a final form's search rows go with it.
        await RawDatabase.ExecuteAsync(path, "DELETE FROM final_entities WHERE ref = 'component:default/a'");
        Assert.Equal(["component:default/b"], await RawDatabase.ColumnAsync(path, "SELECT entity_ref FROM search"));
    }

    [Fact]
    public async Task Applies_each_migration_the_database_has_not_recorded()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        // As a database that met the other features' scripts before this one: everything but TechDocs' is recorded.
        var missing = Sqlite.Migrations.SqliteMigrator.All.Single(m => m.Name == "techdocs");
        await RawDatabase.ExecuteAsync(path, "DROP TABLE techdocs_sites; DROP TABLE techdocs_pages; DROP TABLE techdocs_assets; DROP TABLE techdocs_status; " +
            $"DELETE FROM schema_version WHERE version = {missing.Version}");

        await using (var reopened = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await reopened.InitializeAsync(CancellationToken.None);
        }

        Assert.Contains($"{missing.Version}:techdocs", await RawDatabase.ColumnAsync(path, "SELECT version || ':' || name FROM schema_version"));
        Assert.Equal(["techdocs_sites"], await RawDatabase.ColumnAsync(path, "SELECT name FROM sqlite_master WHERE name = 'techdocs_sites'"));
    }
    [Theory]
    [InlineData("SELECT COUNT(*) FROM entities WHERE errors_json <> '[]' AND CASE WHEN json_valid(errors_json) THEN json_array_length(errors_json) > 0 ELSE 1 END", "entities_with_errors")]
    [InlineData("SELECT COUNT(*) FROM entities WHERE is_orphan = 1", "entities_orphaned")]
    public async Task Counts_the_few_failed_and_orphaned_entities_from_their_partial_indexes(string query, string index)
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        // Health and the locations page count these on every request: a plan that scans every entity row is slow at scale.
        var plan = await RawDatabase.QueryPlanAsync(path, query);
        Assert.Contains(index, plan, StringComparison.Ordinal);
    }
}
