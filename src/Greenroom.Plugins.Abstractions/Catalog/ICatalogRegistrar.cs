namespace Greenroom.Plugins.Catalog;

/// <summary>Registers locations in the catalog on a feature's behalf (the scaffolder's catalog:register).</summary>
public interface ICatalogRegistrar
{
    /// <summary>
    /// Registers a <c>url</c> or <c>file</c> location and ingests it before returning the refs it produced; when it
    /// is already registered it is refreshed instead. Throws <see cref="ArgumentException"/> for a bad type or target
    /// and <see cref="UnauthorizedAccessException"/> when the target is outside what the catalog may read.
    /// </summary>
    Task<CatalogRegistration> RegisterLocationAsync(string type, string target, CancellationToken cancellationToken);
}

/// <summary>The outcome of a registration.</summary>
/// <param name="LocationId">The location's id.</param>
/// <param name="EntityRefs">Refs of the entities it produced.</param>
/// <param name="AlreadyRegistered">True when the location existed and was refreshed instead.</param>
public sealed record CatalogRegistration(Guid LocationId, IReadOnlyList<string> EntityRefs, bool AlreadyRegistered);
