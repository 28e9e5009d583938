using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Catalog.StoreContract;

/// <summary>
/// The behaviour every <see cref="ICatalogStore"/> must show. A store's test project derives from this class and
/// supplies a fresh, initialized store per test; the tests themselves are written once, here (split by concern over
/// the partial files beside this one) and use only the interface, so they run unchanged on every store.
/// </summary>
public abstract partial class CatalogStoreContract
{
    /// <summary>A new, empty, initialized store (a fresh database per call).</summary>
    protected abstract Task<ICatalogStore> CreateStoreAsync();

    /// <summary>Shorthand for tests: no cancellation.</summary>
    protected static CancellationToken None => CancellationToken.None;

    /// <summary>Registers a file location.</summary>
    protected static Task<LocationRecord> AddLocationAsync(ICatalogStore store, string target = "catalog/all.yaml") =>
        store.AddLocationAsync(new LocationSpec("file", target, LocationOrigin.Config), None);

    /// <summary>Registers a location, ingests <paramref name="entities"/> from it and stitches everything.</summary>
    protected static async Task<LocationRecord> SeedAsync(ICatalogStore store, params IngestedEntity[] entities)
    {
        var location = await AddLocationAsync(store, "seed-" + Guid.NewGuid().ToString("N") + ".yaml");
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, entities), None);
        await TestStitcher.StitchAllAsync(store);
        return location;
    }

    /// <summary>The uid of a stored final entity (fails the test when missing).</summary>
    protected static async Task<string> UidOfAsync(ICatalogStore store, string entityRef) =>
        (await store.GetEntityByRefAsync(entityRef, None))?.Uid ?? throw new InvalidOperationException($"{entityRef} has no final form");
}
