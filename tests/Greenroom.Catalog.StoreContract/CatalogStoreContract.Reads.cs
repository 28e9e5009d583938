using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Gets_entities_by_refs_in_the_order_asked_with_null_where_missing()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc), Ingest.Changed(TeamA));
        var missing = EntityJson.Ref("component", "missing");

        var found = await store.GetEntitiesByRefsAsync([TeamA, missing, Svc, TeamA], None);

        Assert.Equal([TeamA, null, Svc, TeamA], found.Select(e => e?.EntityRef));
        Assert.Empty(await store.GetEntitiesByRefsAsync([], None));
    }

    [Fact]
    public async Task Reads_refs_case_insensitively()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc));

        Assert.Equal(Svc, (await store.GetEntityByRefAsync("Component:default/SVC", None))?.EntityRef);
        Assert.Equal(Svc, Assert.Single(await store.GetEntitiesByRefsAsync(["COMPONENT:default/svc"], None))?.EntityRef);
    }

    [Fact]
    public async Task Handles_tens_of_thousands_of_refs_in_one_call()
    {
        // Backstage fails here with "too many SQL variables"; a store must not bind one variable per ref.
        var store = await CreateStoreAsync();
        await SeedAsync(store, Ingest.Changed(Svc));
        var refs = Enumerable.Range(0, 40_000).Select(i => EntityJson.Ref("component", $"n{i}")).Append(Svc).ToList();

        var found = await store.GetEntitiesByRefsAsync(refs, None);
        var sources = await store.GetStitchSourcesAsync(refs, None);

        Assert.Equal(refs.Count, found.Count);
        Assert.Equal(Svc, found[^1]?.EntityRef);
        Assert.Equal(1, found.Count(e => e is not null));
        Assert.Equal(Svc, Assert.Single(sources).EntityRef);
    }
}
