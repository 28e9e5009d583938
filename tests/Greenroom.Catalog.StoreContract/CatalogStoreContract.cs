using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.StoreContract;

/// <summary>
/// The behaviour every <see cref="ICatalogStore"/> must show. A store's test project derives from this class and
/// supplies a fresh, initialized store per test; the tests themselves are written once, here.
/// </summary>
public abstract class CatalogStoreContract
{
    /// <summary>A new, empty, initialized store (a fresh database per call).</summary>
    protected abstract Task<ICatalogStore> CreateStoreAsync();
}
