using Greenroom.Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Greenroom.Storage.Sqlite.Tests;

public sealed class SqliteCatalogStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Registers_one_sqlite_store_as_the_catalog_store()
    {
        var path = _database.NewPath();
        await using var services = new ServiceCollection().AddLogging().AddSqliteCatalogStore(o => o.DatabasePath = path).BuildServiceProvider();

        var store = services.GetRequiredService<ICatalogStore>();
        await store.InitializeAsync(CancellationToken.None);

        Assert.Same(services.GetRequiredService<SqliteCatalogStore>(), store);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Refuses_options_without_a_database_path()
    {
        using var services = new ServiceCollection().AddSqliteCatalogStore(_ => { }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
        Assert.Contains("DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(12288)]
    [InlineData(131072)]
    public void Refuses_a_page_size_sqlite_cannot_use(int pageSize)
    {
        var path = _database.NewPath();
        using var services = new ServiceCollection()
            .AddSqliteCatalogStore(o => (o.DatabasePath, o.PageSizeBytes) = (path, pageSize)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
        Assert.Contains("PageSizeBytes", error.Message, StringComparison.Ordinal);
    }
}
