using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Deleting_a_location_removes_its_entities_and_queues_the_entities_they_related_to()
    {
        var store = await CreateStoreAsync();
        var teams = await SeedAsync(store, Ingest.Changed(TeamA));
        var services = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)));
        var uid = await UidOfAsync(store, Svc);

        var restitch = await store.DeleteLocationAsync(services.Id, Ingest.T0.AddDays(1), None);

        Assert.Equal([TeamA], restitch);
        Assert.Equal([TeamA], await store.GetStitchQueueAsync(10, None));
        Assert.Null(await store.GetLocationAsync(services.Id, None));
        Assert.Null(await store.GetEntityByRefAsync(Svc, None));
        Assert.Empty(await store.GetStitchSourcesAsync([Svc], None));
        Assert.Empty(Assert.Single(await store.GetStitchSourcesAsync([TeamA], None)).Relations);
        Assert.Empty((await store.QueryEntitiesAsync(Where("kind", "component"), None)).Items);
        var deleted = (await store.GetHistoryAsync(uid, None))[0];
        Assert.Equal(("deleted", Ingest.T0.AddDays(1), services.Id), (deleted.Change, deleted.At, deleted.LocationId!.Value));
        Assert.Equal(new Greenroom.Catalog.Store.CatalogCounts(1, 0, 0, 0, 1), await store.GetCountsAsync(None));
        Assert.NotNull(await store.GetLocationAsync(teams.Id, None));
    }

    [Fact]
    public async Task Deleting_an_unknown_location_or_entity_returns_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.DeleteLocationAsync(Guid.NewGuid(), Ingest.T0, None));
        Assert.Null(await store.DeleteEntityAsync(Guid.NewGuid().ToString(), Ingest.T0, None));
    }

    [Fact]
    public async Task Deleting_an_entity_by_uid_keeps_its_location_and_relations_other_entities_point_at_it()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        var teamUid = await UidOfAsync(store, TeamA);

        var restitch = await store.DeleteEntityAsync(teamUid, Ingest.T0, None);

        // The group originated no relations, so nothing else needs stitching; svc's ownedBy still points at it.
        Assert.Empty(restitch!);
        Assert.Null(await store.GetEntityByUidAsync(teamUid, None));
        Assert.Equal([Svc], (await store.GetContentHashesAsync(location.Id, None)).Keys);
        Assert.Single(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).Relations);
        Assert.Equal("deleted", (await store.GetHistoryAsync(teamUid, None))[0].Change);
    }

    [Fact]
    public async Task A_deleted_entity_comes_back_with_a_new_uid_when_its_location_still_produces_it()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        var uid = await UidOfAsync(store, Svc);

        Assert.Equal([TeamA], await store.DeleteEntityAsync(uid, Ingest.T0, None));
        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Unchanged(TeamA)), None);
        await TestStitcher.StitchAllAsync(store);

        Assert.Equal([Svc], outcome.Added);
        Assert.NotEqual(uid, await UidOfAsync(store, Svc));
    }
}
