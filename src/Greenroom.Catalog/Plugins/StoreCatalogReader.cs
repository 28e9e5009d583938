using System.Runtime.CompilerServices;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Plugins.Catalog;

namespace Greenroom.Catalog.Plugins;

/// <summary><see cref="ICatalogReader"/> over the catalog store: keyset pages in ref order, so memory stays flat.</summary>
internal sealed class StoreCatalogReader(ICatalogStore store) : ICatalogReader
{
    private const int PageSize = 500;

    public async Task<CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken)
    {
        var stored = await store.GetEntityByRefAsync(entityRef.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new CatalogEntity(stored.EntityRef, stored.Uid, stored.Json);
    }

    public async IAsyncEnumerable<CatalogEntity> ReadEntitiesAsync(string? kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = kind is null ? null : EntityFilterParser.Parse([$"kind={kind}"]);
        KeysetPosition? after = null;
        while (true)
        {
            var page = await store.QueryEntitiesAsync(new EntityQuery(filter, [], null, PageSize, null, after, false), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return new CatalogEntity(item.EntityRef, item.Uid, item.Json);
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }

            after = new KeysetPosition([], page.Items[^1].EntityRef, false);
        }
    }
}
