using Greenroom.Plugins.Catalog;

namespace Greenroom.TechDocs.Building;

/// <summary>Follows the catalog: every changed, new or removed entity is queued; the worker decides whether it has docs.</summary>
internal sealed class TechDocsChangeListener(TechDocsBuildQueue queue) : ICatalogChangeListener
{
    public Task EntitiesChangedAsync(IReadOnlyCollection<string> entityRefs, CancellationToken cancellationToken)
    {
        foreach (var entityRef in entityRefs)
        {
            queue.Enqueue(entityRef);
        }

        return Task.CompletedTask;
    }
}
