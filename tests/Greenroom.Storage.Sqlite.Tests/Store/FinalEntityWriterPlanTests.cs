using Greenroom.Storage.Sqlite.Store;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>What the stitch writer runs per entity reads indexes only, never the entity's row.</summary>
public sealed class FinalEntityWriterPlanTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_still_exists_check_is_answered_from_the_uid_index_alone()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        var plan = await RawDatabase.QueryPlanAsync(path, FinalEntityWriter.ExistsSql);

        Assert.Contains("USING COVERING INDEX", plan, StringComparison.Ordinal);
    }
}
