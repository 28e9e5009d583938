using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

/// <summary>A pass applied in parts, then ended: the same outcome as a whole pass, orphans decided only at the end.</summary>
public abstract partial class CatalogStoreContract
{
    private static IngestionPassEnd PassEnd(Guid locationId, IReadOnlyCollection<string> keepSources, params string[] produced) =>
        new(locationId, produced.ToHashSet(StringComparer.Ordinal), keepSources, Ingest.T0.AddMinutes(5));

    [Fact]
    public async Task Applies_a_pass_in_parts_and_orphans_only_when_the_pass_ends()
    {
        var store = await CreateStoreAsync();
        Assert.True(store.SupportsChunkedIngestion);
        var location = await SeedAsync(store, Ingest.Changed(Svc), Ingest.Changed(TeamA));
        await TestStitcher.StitchAllAsync(store);

        var first = await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Ingest.Unchanged(TeamA)), None);
        var second = await store.ApplyIngestionChunkAsync(
            Ingest.Batch(location.Id, Ingest.Changed(TeamB, relations: OwnedBy(Svc, TeamB))), None);

        Assert.Equal((1, 0), (first.Unchanged, first.RefsToStitch.Count));
        Assert.Equal([TeamB], second.Added);
        Assert.Empty(first.Orphaned.Concat(second.Orphaned));
        Assert.False(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
        Assert.Equal([Svc, TeamB], (await store.GetStitchQueueAsync(100, None)).Order(StringComparer.Ordinal));

        var end = await store.CompleteIngestionPassAsync(PassEnd(location.Id, [], TeamA, TeamB), None);

        Assert.Equal([Svc], end.Orphaned);
        Assert.Equal([Svc], end.RefsToStitch);
        Assert.True(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
        Assert.Equal(new Dictionary<string, string> { [Svc] = "h1", [TeamA] = "h1", [TeamB] = "h1" }, await store.GetContentHashesAsync(location.Id, None));
    }

    [Fact]
    public async Task Ending_a_pass_spares_unreadable_sources_and_entities_already_orphaned()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store,
            Ingest.Changed(Svc, source: "svc.yaml"), Ingest.Changed(TeamA, source: "team.yaml"), Ingest.Changed(TeamB, source: "team.yaml"));
        await store.CompleteIngestionPassAsync(PassEnd(location.Id, ["svc.yaml"], TeamA), None);

        var again = await store.CompleteIngestionPassAsync(PassEnd(location.Id, ["svc.yaml"]), None);

        Assert.Equal([TeamA], again.Orphaned);
        Assert.False(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
        Assert.Equal(2, (await store.GetCountsAsync(None)).Orphans);
    }

    [Fact]
    public async Task Ending_a_pass_brings_back_orphans_it_produced_without_a_part_carrying_them()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc), Ingest.Changed(TeamA));
        await store.CompleteIngestionPassAsync(PassEnd(location.Id, [], TeamA), None);
        await TestStitcher.StitchAllAsync(store);

        var end = await store.CompleteIngestionPassAsync(PassEnd(location.Id, [], Svc, TeamA), None);

        Assert.Empty(end.Orphaned);
        Assert.Equal([Svc], end.Updated);
        Assert.Equal([Svc], await store.GetStitchQueueAsync(100, None));
        Assert.False(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
        Assert.Equal(0, (await store.GetCountsAsync(None)).Orphans);
    }

    [Fact]
    public async Task A_part_refuses_refs_of_another_location_takes_over_orphans_and_unorphans_returning_entities()
    {
        var store = await CreateStoreAsync();
        var owner = await SeedAsync(store, Ingest.Changed(Svc, source: "owner.yaml"), Ingest.Changed(TeamA, source: "owner.yaml"));
        await store.CompleteIngestionPassAsync(PassEnd(owner.Id, [], Svc), None);
        var other = await AddLocationAsync(store, "other.yaml");

        var outcome = await store.ApplyIngestionChunkAsync(Ingest.Batch(other.Id,
            Ingest.Changed(Svc, hash: "h2", source: "other.yaml"), Ingest.Changed(TeamA, hash: "h2", source: "other.yaml")), None);
        var back = await store.ApplyIngestionChunkAsync(Ingest.Batch(owner.Id, Ingest.Unchanged(Svc, source: "owner.yaml")), None);

        Assert.Equal(new EntityConflict(Svc, "other.yaml", owner.Id, "owner.yaml"), Assert.Single(outcome.Conflicts));
        Assert.Equal([TeamA], outcome.Added);
        Assert.Equal(other.Id, Assert.Single(await store.GetStitchSourcesAsync([TeamA], None)).LocationId);
        Assert.Equal(1, back.Unchanged);
        Assert.Equal("h1", (await store.GetContentHashesAsync(owner.Id, None))[Svc]);
    }

    [Fact]
    public async Task Refuses_parts_and_the_end_of_a_pass_for_a_location_that_does_not_exist()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        await store.DeleteLocationAsync(location.Id, Ingest.T0, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc)), None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteIngestionPassAsync(PassEnd(location.Id, []), None));

        Assert.Equal(0, (await store.GetCountsAsync(None)).Entities);
    }
}
