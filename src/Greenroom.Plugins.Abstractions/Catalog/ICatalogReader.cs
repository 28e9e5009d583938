namespace Greenroom.Plugins.Catalog;

/// <summary>Read access to the catalog's final entities, for features and plugins that build on it.</summary>
public interface ICatalogReader
{
    /// <summary>The final entity with this ref (<c>kind:namespace/name</c>, any case), or null.</summary>
    Task<CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>Every final entity, or only those of <paramref name="kind"/>, read page by page in ref order.</summary>
    IAsyncEnumerable<CatalogEntity> ReadEntitiesAsync(string? kind, CancellationToken cancellationToken);
}

/// <summary>One final entity as the catalog API serves it.</summary>
/// <param name="EntityRef">Lower-cased ref key, <c>component:default/petstore</c>.</param>
/// <param name="Uid">The entity's stable uid.</param>
/// <param name="Json">The final entity JSON (metadata, spec, relations, status).</param>
public sealed record CatalogEntity(string EntityRef, string Uid, string Json);
