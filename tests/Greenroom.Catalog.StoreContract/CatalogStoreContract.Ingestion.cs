using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    private static readonly string Svc = EntityJson.Ref("component", "svc");
    private static readonly string TeamA = EntityJson.Ref("group", "team-a");
    private static readonly string TeamB = EntityJson.Ref("group", "team-b");

    private static EntityRelation[] OwnedBy(string entity, string owner) =>
        Ingest.Both(entity, RelationTypes.OwnedBy, owner, RelationTypes.OwnerOf);

    [Fact]
    public async Task Inserts_new_entities_and_queues_them_with_both_ends_of_their_relations()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);

        var outcome = await store.ApplyIngestionAsync(
            Ingest.Batch(location.Id, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA)), None);

        Assert.Equal([Svc, TeamA], outcome.Added);
        Assert.Empty(outcome.Updated);
        Assert.Empty(outcome.Conflicts);
        Assert.Equal(0, outcome.Unchanged);
        Assert.Equal([Svc, TeamA], outcome.RefsToStitch.Order(StringComparer.Ordinal));
        Assert.Equal([Svc, TeamA], (await store.GetStitchQueueAsync(100, None)).Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { [Svc] = "h1", [TeamA] = "h1" }, await store.GetContentHashesAsync(location.Id, None));
    }

    [Fact]
    public async Task Leaves_unchanged_entities_untouched_and_unqueued()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        var before = await store.GetEntityByRefAsync(Svc, None);

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Unchanged(Svc), Ingest.Unchanged(TeamA)), None);

        Assert.Equal(2, outcome.Unchanged);
        Assert.Empty(outcome.Added);
        Assert.Empty(outcome.Updated);
        Assert.Empty(outcome.Orphaned);
        Assert.Empty(outcome.RefsToStitch);
        Assert.Empty(await store.GetStitchQueueAsync(100, None));
        Assert.Equal(before, await store.GetEntityByRefAsync(Svc, None));
        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        Assert.Equal(OwnedBy(Svc, TeamA).Where(r => r.SourceRef == Svc), source.Relations);
    }

    [Fact]
    public async Task Updates_a_changed_entity_and_replaces_the_relations_it_originates()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA), Ingest.Changed(TeamB));

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id,
            Ingest.Changed(Svc, hash: "h2", relations: OwnedBy(Svc, TeamB)), Ingest.Unchanged(TeamA), Ingest.Unchanged(TeamB)), None);

        Assert.Equal([Svc], outcome.Updated);
        Assert.Equal(2, outcome.Unchanged);
        // The old owner must lose its ownerOf, the new one gain it: all three need stitching.
        Assert.Equal([Svc, TeamA, TeamB], outcome.RefsToStitch.Order(StringComparer.Ordinal));
        var sources = (await store.GetStitchSourcesAsync([Svc, TeamA, TeamB], None)).ToDictionary(s => s.EntityRef);
        Assert.Equal([new EntityRelation(Svc, RelationTypes.OwnedBy, TeamB)], sources[Svc].Relations);
        Assert.Empty(sources[TeamA].Relations);
        Assert.Equal([new EntityRelation(TeamB, RelationTypes.OwnerOf, Svc)], sources[TeamB].Relations);
        Assert.Equal("h2", (await store.GetContentHashesAsync(location.Id, None))[Svc]);
    }

    [Fact]
    public async Task Refuses_a_ref_owned_by_another_location_and_reports_the_conflict()
    {
        var store = await CreateStoreAsync();
        var owner = await SeedAsync(store, Ingest.Changed(Svc, source: "owner/catalog-info.yaml"));
        var uid = await UidOfAsync(store, Svc);
        var intruder = await AddLocationAsync(store, "intruder.yaml");

        var outcome = await store.ApplyIngestionAsync(
            Ingest.Batch(intruder.Id, Ingest.Changed(Svc, hash: "other", source: "intruder/catalog-info.yaml")), None);

        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(new EntityConflict(Svc, "intruder/catalog-info.yaml", owner.Id, "owner/catalog-info.yaml"), conflict);
        Assert.Empty(outcome.Added);
        Assert.Empty(outcome.RefsToStitch);
        Assert.Empty(await store.GetContentHashesAsync(intruder.Id, None));
        Assert.Equal("h1", (await store.GetContentHashesAsync(owner.Id, None))[Svc]);
        Assert.Equal(uid, await UidOfAsync(store, Svc));
    }

    [Fact]
    public async Task Keeps_the_first_of_two_entities_with_the_same_ref_in_one_pass()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id,
            Ingest.Changed(Svc, hash: "first", source: "a.yaml"), Ingest.Changed(Svc, hash: "second", source: "b.yaml")), None);

        Assert.Equal([Svc], outcome.Added);
        Assert.Equal(new EntityConflict(Svc, "b.yaml", location.Id, "a.yaml"), Assert.Single(outcome.Conflicts));
        Assert.Equal("first", (await store.GetContentHashesAsync(location.Id, None))[Svc]);
    }

    [Fact]
    public async Task Orphans_entity_when_location_stops_producing_it()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc), Ingest.Changed(TeamA));
        var later = Ingest.T0.AddMinutes(5);

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, later, [], Ingest.Unchanged(TeamA)), None);

        Assert.Equal([Svc], outcome.Orphaned);
        Assert.Equal([Svc], outcome.RefsToStitch);
        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        Assert.True(source.IsOrphan);
        // Orphans stay claimed by their location (their hash is still reported) and are counted.
        Assert.Contains(Svc, (await store.GetContentHashesAsync(location.Id, None)).Keys);
        Assert.Equal(1, (await store.GetCountsAsync(None)).Orphans);

        var again = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Unchanged(TeamA)), None);
        Assert.Empty(again.Orphaned);
    }

    [Fact]
    public async Task Keeps_entities_of_unreadable_sources_instead_of_orphaning_them()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, source: "svc.yaml"), Ingest.Changed(TeamA, source: "team.yaml"));

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.T0, ["svc.yaml"], Ingest.Unchanged(TeamA, source: "team.yaml")), None);

        Assert.Empty(outcome.Orphaned);
        Assert.False(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
    }

    [Fact]
    public async Task Unorphans_entity_when_its_location_produces_it_again()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc), Ingest.Changed(TeamA));
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Unchanged(TeamA)), None);
        await TestStitcher.StitchAllAsync(store);

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Unchanged(Svc), Ingest.Unchanged(TeamA)), None);

        Assert.Equal([Svc], outcome.Updated);
        Assert.Contains(Svc, outcome.RefsToStitch);
        Assert.False(Assert.Single(await store.GetStitchSourcesAsync([Svc], None)).IsOrphan);
        Assert.Equal(0, (await store.GetCountsAsync(None)).Orphans);
    }

    [Fact]
    public async Task Another_location_may_take_over_an_orphan()
    {
        var store = await CreateStoreAsync();
        var first = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        var uid = await UidOfAsync(store, Svc);
        await store.ApplyIngestionAsync(Ingest.Batch(first.Id, Ingest.Unchanged(TeamA)), None);
        var second = await AddLocationAsync(store, "second.yaml");

        var outcome = await store.ApplyIngestionAsync(
            Ingest.Batch(second.Id, Ingest.Changed(Svc, hash: "h2", source: "second/svc.yaml", relations: OwnedBy(Svc, TeamB))), None);

        Assert.Empty(outcome.Conflicts);
        Assert.Equal([Svc], outcome.Added);
        Assert.Contains(TeamA, outcome.RefsToStitch);
        Assert.Contains(TeamB, outcome.RefsToStitch);
        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        Assert.Equal(second.Id, source.LocationId);
        Assert.False(source.IsOrphan);
        Assert.Equal(uid, source.Uid);
        Assert.DoesNotContain(Svc, (await store.GetContentHashesAsync(first.Id, None)).Keys);
        Assert.Equal("h2", (await store.GetContentHashesAsync(second.Id, None))[Svc]);
    }

    [Fact]
    public async Task Failed_entity_keeps_its_last_good_form_and_relations_and_records_the_new_errors()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        var before = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        const string errors = """[{"type":"error","level":"error","message":"spec.type is required"}]""";

        var outcome = await store.ApplyIngestionAsync(
            Ingest.Batch(location.Id, Ingest.Failed(Svc, "h-broken", errors), Ingest.Unchanged(TeamA)), None);

        Assert.Equal([Svc], outcome.Updated);
        Assert.Contains(Svc, outcome.RefsToStitch);
        var after = Assert.Single(await store.GetStitchSourcesAsync([Svc], None));
        Assert.Equal(before.ProcessedJson, after.ProcessedJson);
        Assert.Equal(before.Relations, after.Relations);
        Assert.Equal(errors, after.ErrorsJson);
        Assert.Equal("h-broken", (await store.GetContentHashesAsync(location.Id, None))[Svc]);
        Assert.Equal(1, (await store.GetCountsAsync(None)).EntitiesWithErrors);

        await TestStitcher.StitchAllAsync(store);
        var repeat = await store.ApplyIngestionAsync(
            Ingest.Batch(location.Id, Ingest.Failed(Svc, "h-broken", errors), Ingest.Unchanged(TeamA)), None);
        Assert.Equal(2, repeat.Unchanged);
        Assert.Empty(repeat.RefsToStitch);
    }

    [Fact]
    public async Task Lists_the_entities_whose_latest_processing_failed_with_their_final_form()
    {
        var store = await CreateStoreAsync();
        var location = await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA)), Ingest.Changed(TeamA));
        Assert.Empty(await store.GetEntitiesWithErrorsAsync(10, None));

        await store.ApplyIngestionAsync(
            Ingest.Batch(location.Id, Ingest.Failed(Svc, "h-broken", """[{"message":"spec.type is required"}]"""), Ingest.Unchanged(TeamA)), None);
        await TestStitcher.StitchAllAsync(store);

        var failed = Assert.Single(await store.GetEntitiesWithErrorsAsync(10, None));
        Assert.Equal(Svc, failed.EntityRef);
        Assert.Equal((await store.GetEntityByRefAsync(Svc, None))!.Json, failed.Json);
        Assert.Empty(await store.GetEntitiesWithErrorsAsync(0, None));
    }

    [Fact]
    public async Task Failed_entity_that_was_never_stored_is_not_inserted()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);

        var outcome = await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Failed(Svc, "h1", """[{"message":"bad"}]""")), None);

        Assert.Empty(outcome.Added);
        Assert.Empty(outcome.RefsToStitch);
        Assert.Empty(await store.GetContentHashesAsync(location.Id, None));
        Assert.Empty(await store.GetStitchSourcesAsync([Svc], None));
    }

    [Fact]
    public async Task Keeps_relations_that_point_at_missing_entities()
    {
        var store = await CreateStoreAsync();
        var ghost = EntityJson.Ref("group", "ghost");

        await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, ghost)));

        var source = Assert.Single(await store.GetStitchSourcesAsync([Svc, ghost], None));
        Assert.Equal([new EntityRelation(Svc, RelationTypes.OwnedBy, ghost)], source.Relations);
        Assert.Null(await store.GetEntityByRefAsync(ghost, None));
        Assert.Equal(2, (await store.GetCountsAsync(None)).Relations);
    }

    [Fact]
    public async Task Counts_entities_orphans_errors_relations_and_locations()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc, relations: OwnedBy(Svc, TeamA), errorsJson: """[{"message":"warn"}]"""), Ingest.Changed(TeamA));
        await AddLocationAsync(store, "empty.yaml");

        Assert.Equal(new CatalogCounts(2, 0, 1, 2, 2), await store.GetCountsAsync(None));
    }

    [Fact]
    public async Task Refuses_ingestion_for_a_location_that_does_not_exist()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        await store.DeleteLocationAsync(location.Id, Ingest.T0, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(Svc)), None));

        Assert.Equal(0, (await store.GetCountsAsync(None)).Entities);
    }
}
