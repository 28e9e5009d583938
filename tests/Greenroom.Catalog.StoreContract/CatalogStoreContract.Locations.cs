using Greenroom.Catalog.Locations;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Adds_location_and_finds_it_by_id_and_by_type_and_target()
    {
        var store = await CreateStoreAsync();

        var added = await store.AddLocationAsync(new LocationSpec("url", "https://example.com/catalog-info.yaml", LocationOrigin.Api), None);

        Assert.Equal("url", added.Type);
        Assert.Equal(LocationOrigin.Api, added.Origin);
        Assert.Equal(LocationStatus.Pending, added.Status);
        Assert.Equal(added, await store.GetLocationAsync(added.Id, None));
        Assert.Equal(added, await store.FindLocationAsync("url", "https://example.com/catalog-info.yaml", None));
        Assert.Null(await store.FindLocationAsync("url", "https://example.com/CATALOG-INFO.yaml", None));
        Assert.Null(await store.GetLocationAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task Refuses_a_second_location_with_the_same_type_and_target()
    {
        var store = await CreateStoreAsync();
        var first = await AddLocationAsync(store, "a.yaml");

        var conflict = await Assert.ThrowsAsync<LocationConflictException>(() => AddLocationAsync(store, "a.yaml"));

        Assert.Equal(first.Id, conflict.Existing.Id);
        Assert.Single(await store.ListLocationsAsync(None));
    }

    [Fact]
    public async Task Lists_locations_oldest_first()
    {
        var store = await CreateStoreAsync();
        var a = await AddLocationAsync(store, "a.yaml");
        var b = await AddLocationAsync(store, "b.yaml");
        var c = await AddLocationAsync(store, "c.yaml");

        var listed = await store.ListLocationsAsync(None);

        Assert.Equal([a.Id, b.Id, c.Id], listed.Select(l => l.Id));
    }

    [Fact]
    public async Task Records_the_latest_refresh_outcome_of_a_location()
    {
        var store = await CreateStoreAsync();
        var location = await AddLocationAsync(store);
        var status = new LocationStatus("warning", new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero), 12, """[{"message":"bad"}]""");

        await store.UpdateLocationStatusAsync(location.Id, status, None);

        Assert.Equal(status, (await store.GetLocationAsync(location.Id, None))!.Status);
    }
}
