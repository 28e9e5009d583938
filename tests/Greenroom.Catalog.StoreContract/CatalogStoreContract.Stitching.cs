using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Stitch_sources_carry_every_relation_whose_source_is_the_entity_whoever_originated_it()
    {
        var store = await CreateStoreAsync();
        var api = EntityJson.Ref("api", "petstore");
        var location = await AddLocationAsync(store);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id,
            Ingest.Changed(Svc, relations: [.. OwnedBy(Svc, TeamA), .. Ingest.Both(Svc, RelationTypes.ProvidesApi, api, RelationTypes.ApiProvidedBy)]),
            Ingest.Changed(TeamA),
            Ingest.Changed(api, relations: OwnedBy(api, TeamA))), None);

        var team = Assert.Single(await store.GetStitchSourcesAsync([TeamA], None));

        Assert.Equal(
            [new EntityRelation(TeamA, RelationTypes.OwnerOf, api), new EntityRelation(TeamA, RelationTypes.OwnerOf, Svc)],
            team.Relations.OrderBy(r => r.TargetRef, StringComparer.Ordinal));
        Assert.Equal(location.Id, team.LocationId);
        Assert.Equal("[]", team.ErrorsJson);
        Assert.Null(team.PreviousFinalJson);
        Assert.Null(team.PreviousFinalHash);
    }

    [Fact]
    public async Task Serves_written_final_entities_by_ref_and_uid_and_dequeues_what_was_stitched()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc), Ingest.Changed(TeamA)), None);
        var sources = await store.GetStitchSourcesAsync([Svc, TeamA], None);
        var finals = sources.Select(s => TestStitcher.Build(s, Ingest.T0)!).ToList();

        await store.WriteFinalEntitiesAsync(finals, [Svc, TeamA], None);

        Assert.Empty(await store.GetStitchQueueAsync(100, None));
        var svc = finals.Single(f => f.EntityRef == Svc);
        Assert.Equal(new StoredEntity(Svc, svc.Uid, svc.FinalJson), await store.GetEntityByRefAsync(Svc, None));
        Assert.Equal(new StoredEntity(Svc, svc.Uid, svc.FinalJson), await store.GetEntityByUidAsync(svc.Uid, None));
        Assert.Null(await store.GetEntityByUidAsync(Guid.NewGuid().ToString(), None));
        var restitch = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        Assert.Equal(svc.FinalJson, restitch.PreviousFinalJson);
        Assert.Equal(svc.FinalHash, restitch.PreviousFinalHash);
    }

    [Fact]
    public async Task Gives_out_at_most_the_requested_number_of_queued_refs()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        var refs = Enumerable.Range(0, 30).Select(i => EntityJson.Ref("component", $"c{i:00}")).ToArray();
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, refs.Select(r => Ingest.Changed(r)).ToArray()), None);

        var first = await store.GetStitchQueueAsync(10, None);

        Assert.Equal(10, first.Count);
        await store.WriteFinalEntitiesAsync([], first, None);
        var rest = await store.GetStitchQueueAsync(100, None);
        Assert.Equal(20, rest.Count);
        Assert.Empty(first.Intersect(rest));
    }

    [Fact]
    public async Task Gives_out_queued_refs_in_ref_order_sweeping_on_from_a_cursor_and_wrapping_around()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        // Ingested out of order, and in two writes, so neither file nor enqueue order is ref order.
        var refs = Enumerable.Range(0, 12).Select(i => EntityJson.Ref("component", $"c{i:00}")).ToArray();
        var reversed = refs.Reverse().ToArray();
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, reversed[6..].Select(r => Ingest.Changed(r)).ToArray()), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, reversed.Select(r => Ingest.Changed(r)).ToArray()), None);

        Assert.Equal(refs[..5], await store.GetStitchQueueAsync(5, None));
        Assert.Equal(refs[5..10], await store.GetStitchQueueAsync(5, refs[4], None));
        // Past the end, the sweep wraps around to the refs at or before the cursor.
        Assert.Equal([refs[10], refs[11], refs[0], refs[1], refs[2]], await store.GetStitchQueueAsync(5, refs[9], None));
        Assert.Equal(refs, await store.GetStitchQueueAsync(100, refs[11], None));
        Assert.Equal(refs, await store.GetStitchQueueAsync(100, "zzz", None));
    }

    [Fact]
    public async Task A_ref_changed_again_while_being_stitched_stays_queued()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc)), None);
        var queued = await store.GetStitchQueueAsync(10, None);
        var stale = (await store.GetStitchSourcesAsync(queued, None)).Select(s => TestStitcher.Build(s, Ingest.T0)!).ToList();

        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc, hash: "h2", json: EntityJson.Processed("component", "svc", title: "New"))), None);
        await store.WriteFinalEntitiesAsync(stale, queued, None);

        Assert.Equal([Svc], await store.GetStitchQueueAsync(10, None));
        await TestStitcher.StitchAllAsync(store);
        Assert.Contains("\"title\":\"New\"", (await store.GetEntityByRefAsync(Svc, None))!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drops_a_final_form_stitched_from_an_entity_deleted_meanwhile()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc));
        var uid = await UidOfAsync(store, Svc);
        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        var stale = TestStitcher.Build(source with { ProcessedJson = EntityJson.Processed("component", "svc", title: "Stale") }, Ingest.T0)!;

        await store.DeleteEntityAsync(uid, Ingest.T0, None);
        await store.WriteFinalEntitiesAsync([stale], [Svc], None);

        Assert.Null(await store.GetEntityByRefAsync(Svc, None));
        Assert.Null(await store.GetEntityByUidAsync(uid, None));
        Assert.Equal(0, (await store.QueryEntitiesAsync(new(null, [], null, null, null, null, true), None)).TotalItems);
    }

    [Fact]
    public async Task Rewriting_a_final_entity_replaces_its_search_rows()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc, json: EntityJson.Processed("component", "svc", new Dictionary<string, object> { ["type"] = "service" })));
        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        var final = TestStitcher.Build(source with { ProcessedJson = EntityJson.Processed("component", "svc", new Dictionary<string, object> { ["type"] = "website" }) }, Ingest.T0)!;

        await store.WriteFinalEntitiesAsync([final], [Svc], None);

        Assert.Empty((await store.QueryEntitiesAsync(Where("spec.type", "service"), None)).Items);
        Assert.Single((await store.QueryEntitiesAsync(Where("spec.type", "website"), None)).Items);
    }

    [Fact]
    public async Task Records_history_of_final_forms_newest_first_and_keeps_it_after_deletion()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc));
        var uid = await UidOfAsync(store, Svc);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.T0.AddHours(1), [],
            Ingest.Changed(Svc, hash: "h2", json: EntityJson.Processed("component", "svc", title: "Renamed"))), None);
        await TestStitcher.StitchAllAsync(store, Ingest.T0.AddHours(1));

        await store.DeleteEntityAsync(uid, Ingest.T0.AddHours(2), None);

        var history = await store.GetHistoryAsync(uid, None);
        Assert.Equal(["deleted", "updated", "created"], history.Select(h => h.Change));
        Assert.Equal([Ingest.T0.AddHours(2), Ingest.T0.AddHours(1), Ingest.T0], history.Select(h => h.At));
        Assert.All(history, h => Assert.Equal(Svc, h.EntityRef));
        Assert.All(history, h => Assert.Equal(uid, h.Uid));
        Assert.All(history, h => Assert.Equal(location.Id, h.LocationId));
        Assert.True(history[0].Sequence > history[1].Sequence && history[1].Sequence > history[2].Sequence);
        Assert.Empty(await store.GetHistoryAsync(Guid.NewGuid().ToString(), None));
    }
}
