using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog;

/// <summary>
/// The catalog's write-side operations, as the REST API and the UI call them. Reads go straight to
/// <see cref="Store.ICatalogStore"/>; everything that changes the catalog goes through here so that
/// processing, stitching and history stay consistent.
/// </summary>
public interface ICatalogOperations
{
    /// <summary>
    /// Registers a location (<c>POST /locations</c>) and ingests it before returning, or with
    /// <paramref name="dryRun"/> only reads and processes it. Throws <see cref="LocationConflictException"/>
    /// when it already exists (dry run: <see cref="LocationRegistration.Exists"/> is set instead),
    /// <see cref="CatalogInputException"/> for a bad type/target or a host not allowed.
    /// </summary>
    Task<LocationRegistration> RegisterLocationAsync(string type, string target, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Removes a location and the entities it produced; false when there is no such location.</summary>
    Task<bool> UnregisterLocationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Re-reads the location that owns <paramref name="entityRef"/> now and waits for it; false when no such entity.</summary>
    Task<bool> RefreshEntityAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>Re-reads the location with <paramref name="id"/> now and waits for it; false when there is no such location.</summary>
    Task<bool> RefreshLocationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Re-reads every location now (one full refresh pass) and waits for it.</summary>
    Task RefreshAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes one entity by uid (it comes back if its location still produces it); false when no such entity.</summary>
    Task<bool> DeleteEntityAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Validates an entity as ingestion would (<c>POST /validate-entity</c>); empty when valid.</summary>
    IReadOnlyList<CatalogProblem> ValidateEntity(JsonObject entity, string location);

    /// <summary>Reads a location without storing anything and says what it contains (<c>POST /analyze-location</c>).</summary>
    Task<LocationAnalysis> AnalyzeLocationAsync(string type, string target, CancellationToken cancellationToken);
}

/// <summary>The result of registering a location: the location and the entities it produced.</summary>
public sealed record LocationRegistration(LocationRecord Location, IReadOnlyList<JsonObject> Entities, bool Exists);

/// <summary>
/// What a location holds, Backstage's analyze-location shape: the descriptor files found with their entities,
/// and the problems met. (Greenroom does not generate descriptors for repositories without one.)
/// </summary>
public sealed record LocationAnalysis(IReadOnlyList<AnalyzedFile> ExistingEntityFiles, IReadOnlyList<CatalogProblem> Problems);

/// <summary>One descriptor file found by analysis.</summary>
/// <param name="Type">Location type (<c>file</c> or <c>url</c>).</param>
/// <param name="Target">The file or URL.</param>
/// <param name="Entities">Entities it contains (processed, not stored).</param>
/// <param name="IsRegistered">Whether a location for it is already registered.</param>
public sealed record AnalyzedFile(string Type, string Target, IReadOnlyList<JsonObject> Entities, bool IsRegistered);

/// <summary>Bad input from a caller (a malformed location, a host not on the allow-list): a 400, with the reason.</summary>
public sealed class CatalogInputException(string message, string name = "InputError") : Exception(message)
{
    /// <summary>Backstage error name: InputError, NotAllowedError.</summary>
    public string Name { get; } = name;
}
