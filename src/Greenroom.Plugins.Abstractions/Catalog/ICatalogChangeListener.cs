namespace Greenroom.Plugins.Catalog;

/// <summary>
/// Told after the catalog wrote or removed final entities, so features that derive data from entities (docs, search)
/// can follow changes without polling. Called on the catalog's writer path: queue work and return quickly. An
/// exception is logged by the catalog and does not stop ingestion.
/// </summary>
public interface ICatalogChangeListener
{
    /// <summary>
    /// The final forms of <paramref name="entityRefs"/> (lower-cased keys) changed, appeared or were removed; read
    /// them through <see cref="ICatalogReader"/> to see which.
    /// </summary>
    Task EntitiesChangedAsync(IReadOnlyCollection<string> entityRefs, CancellationToken cancellationToken);
}
