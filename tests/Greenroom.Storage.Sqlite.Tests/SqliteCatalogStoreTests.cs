using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract;

namespace Greenroom.Storage.Sqlite.Tests;

/// <summary>The store contract suite, run against a fresh SQLite file per test.</summary>
public class SqliteCatalogStoreTests : CatalogStoreContract, IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly List<SqliteCatalogStore> _stores = [];

    protected override async Task<ICatalogStore> CreateStoreAsync()
    {
        var store = new SqliteCatalogStore(Configure(new SqliteStoreOptions { DatabasePath = _database.NewPath() }));
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Lets a variant run the same suite with other settings.</summary>
    protected virtual SqliteStoreOptions Configure(SqliteStoreOptions options) => options;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _database.Dispose();
    }
}

/// <summary>
/// The contract suite again with every filter treated as broad, so each query takes the index-ordered, probing plan
/// (test catalogs are far too small to reach it otherwise).
/// </summary>
public sealed class SqliteCatalogStoreIndexOrderedTests : SqliteCatalogStoreTests
{
    protected override SqliteStoreOptions Configure(SqliteStoreOptions options)
    {
        options.BroadFilterThreshold = 0;
        return options;
    }
}
