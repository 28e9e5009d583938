using Greenroom.Catalog.Locations;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

public sealed class ConcurrencyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Readers_keep_working_during_a_long_write_and_see_all_of_it_or_none()
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = _database.NewPath() });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        const int count = 20_000;
        var batch = Ingest.Batch(location.Id, Enumerable.Range(0, count).Select(i => Ingest.Changed(EntityJson.Ref("component", $"c{i}"))).ToArray());

        var write = Task.Run(() => store.ApplyIngestionAsync(batch, None));
        var seen = new List<int>();
        do
        {
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () => (await store.GetCountsAsync(None)).Entities));
            seen.AddRange(await Task.WhenAll(readers));
        }
        while (!write.IsCompleted);

        Assert.Equal(count, (await write).Added.Count);
        Assert.All(seen, n => Assert.Contains(n, new[] { 0, count }));
        Assert.Equal(count, (await store.GetCountsAsync(None)).Entities);
    }

    [Fact]
    public async Task Concurrent_writes_are_serialized_without_losing_any()
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = _database.NewPath() });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(l => Task.Run(async () =>
        {
            var location = await store.AddLocationAsync(new LocationSpec("file", $"l{l}.yaml", LocationOrigin.Config), None);
            for (var pass = 0; pass < 3; pass++)
            {
                await store.ApplyIngestionAsync(Ingest.Batch(location.Id,
                    Enumerable.Range(0, 50).Select(i => Ingest.Changed(EntityJson.Ref("component", $"l{l}-c{i}"), hash: $"h{pass}")).ToArray()), None);
            }
        })));
        await TestStitcher.StitchAllAsync(store);

        var counts = await store.GetCountsAsync(None);
        Assert.Equal((400, 8), (counts.Entities, counts.Locations));
        Assert.Equal(400, (await store.QueryEntitiesAsync(new(null, [], null, 0, null, null, true), None)).TotalItems);
    }
}
