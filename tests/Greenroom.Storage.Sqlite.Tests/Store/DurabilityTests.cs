using System.Collections;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

public sealed class DurabilityTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static SqliteCatalogStore Open(string path) => new(new SqliteStoreOptions { DatabasePath = path });

    [Fact]
    public async Task Everything_survives_reopening_the_file()
    {
        var path = _database.NewPath();
        var svc = EntityJson.Ref("component", "svc");
        var team = EntityJson.Ref("group", "team");
        LocationRecord location;
        string uid;
        await using (var store = Open(path))
        {
            location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
            await store.ApplyIngestionAsync(Ingest.Batch(location.Id,
                Ingest.Changed(svc, relations: Ingest.Both(svc, RelationTypes.OwnedBy, team, RelationTypes.OwnerOf)), Ingest.Changed(team)), None);
            await TestStitcher.StitchAllAsync(store);
            await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Unchanged(team)), None);
            uid = (await store.GetEntityByRefAsync(svc, None))!.Uid;
        }

        await using var reopened = Open(path);

        Assert.Equal(location, await reopened.GetLocationAsync(location.Id, None));
        Assert.Equal(uid, (await reopened.GetEntityByRefAsync(svc, None))?.Uid);
        Assert.Equal(["created"], (await reopened.GetHistoryAsync(uid, None)).Select(h => h.Change));
        Assert.Equal([svc], await reopened.GetStitchQueueAsync(10, None));
        Assert.True(Assert.Single(await reopened.GetStitchSourcesAsync([svc], None)).IsOrphan);
        Assert.Equal(new CatalogCounts(2, 1, 0, 2, 1), await reopened.GetCountsAsync(None));
    }

    [Fact]
    public async Task An_ingestion_that_fails_midway_leaves_nothing_behind_and_the_store_usable()
    {
        await using var store = Open(_database.NewPath());
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        var entities = Enumerable.Range(0, 500).Select(i => Ingest.Changed(EntityJson.Ref("component", $"c{i}"))).ToArray();
        entities[300] = entities[300] with { Relations = new ExplodingList() };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyIngestionAsync(Ingest.Batch(location.Id, entities), None));

        Assert.Empty(await store.GetContentHashesAsync(location.Id, None));
        Assert.Empty(await store.GetStitchQueueAsync(10, None));
        Assert.Equal(0, (await store.GetCountsAsync(None)).Entities);

        entities[300] = Ingest.Changed(EntityJson.Ref("component", "c300"));
        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, entities), None);
        Assert.Equal(500, outcome.Added.Count);
    }

    [Fact]
    public async Task A_final_write_that_fails_midway_leaves_the_previous_final_forms_and_the_queue()
    {
        await using var store = Open(_database.NewPath());
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        var refs = Enumerable.Range(0, 50).Select(i => EntityJson.Ref("component", $"c{i}")).ToArray();
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, refs.Select(r => Ingest.Changed(r)).ToArray()), None);
        var finals = (await store.GetStitchSourcesAsync(refs, None)).Select(s => TestStitcher.Build(s, Ingest.T0)!).ToList();
        finals[40] = finals[40] with { SearchRows = new ExplodingSearchRows() };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteFinalEntitiesAsync(finals, refs, None));

        Assert.Equal(50, (await store.GetStitchQueueAsync(100, None)).Count);
        Assert.All(await store.GetEntitiesByRefsAsync(refs, None), Assert.Null);
    }

    [Fact]
    public async Task Files_copied_in_the_middle_of_a_write_open_as_the_state_before_it()
    {
        // What kill -9 leaves behind is the files as they are at that instant: copy them mid-transaction, after the
        // small page cache has spilled uncommitted pages into the WAL, and open the copy as a restarted process would.
        var path = _database.NewPath();
        var copy = _database.NewPath();
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path, CacheSizeKiB = 64 });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(EntityJson.Ref("group", "first"))), None);
        var entities = Enumerable.Range(0, 3000).Select(i => Ingest.Changed(EntityJson.Ref("component", $"c{i}"), json: EntityJson.Processed("component", $"c{i}", title: new string('x', 500)))).ToList();
        entities.Insert(0, Ingest.Unchanged(EntityJson.Ref("group", "first")));
        entities[2500] = entities[2500] with
        {
            Relations = new CallbackList(() =>
            {
                File.Copy(path, copy);
                if (File.Exists(path + "-wal"))
                {
                    File.Copy(path + "-wal", copy + "-wal");
                }
            }),
        };

        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, [.. entities]), None);

        Assert.True(new FileInfo(copy + "-wal").Length > 1_000_000, "the copy should include uncommitted pages spilled to the WAL");
        await using var restarted = Open(copy);
        Assert.Equal(1, (await restarted.GetCountsAsync(None)).Entities);
        Assert.Equal([EntityJson.Ref("group", "first")], (await restarted.GetContentHashesAsync(location.Id, None)).Keys);
        Assert.Equal("ok", await RawDatabase.ScalarAsync<string>(copy, "PRAGMA integrity_check"));
        Assert.Equal(3001, (await store.GetCountsAsync(None)).Entities);
    }

    [Fact]
    public async Task Unchanged_entities_are_not_rewritten()
    {
        var path = _database.NewPath();
        await using var store = Open(path);
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        var svc = EntityJson.Ref("component", "svc");
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(svc)), None);
        var before = await RawDatabase.ScalarAsync<long>(path, "SELECT updated_at FROM entities");

        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.T0.AddHours(1), [], Ingest.Unchanged(svc)), None);
        var unchanged = await RawDatabase.ScalarAsync<long>(path, "SELECT updated_at FROM entities");
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.T0.AddHours(2), [], Ingest.Changed(svc, hash: "h2")), None);
        var changed = await RawDatabase.ScalarAsync<long>(path, "SELECT updated_at FROM entities");

        Assert.Equal(before, unchanged);
        Assert.Equal(Ingest.T0.AddHours(2).UtcTicks, changed);
    }

    /// <summary>A relation list that fails when read, to interrupt a write after earlier rows were written.</summary>
    private sealed class ExplodingList : IReadOnlyList<EntityRelation>
    {
        public EntityRelation this[int index] => throw new InvalidOperationException("boom");

        public int Count => 1;

        public IEnumerator<EntityRelation> GetEnumerator() => throw new InvalidOperationException("boom");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>An empty relation list that runs an action when read (a hook into the middle of a write).</summary>
    private sealed class CallbackList(Action onRead) : IReadOnlyList<EntityRelation>
    {
        public EntityRelation this[int index] => throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 0;

        public IEnumerator<EntityRelation> GetEnumerator()
        {
            onRead();
            return Enumerable.Empty<EntityRelation>().GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ExplodingSearchRows : IReadOnlyList<SearchRow>
    {
        public SearchRow this[int index] => throw new InvalidOperationException("boom");

        public int Count => 1;

        public IEnumerator<SearchRow> GetEnumerator() => throw new InvalidOperationException("boom");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
