using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.StoreContract.TestData;

/// <summary>Builds <see cref="IngestedEntity"/> and <see cref="IngestionBatch"/> values in their three shapes.</summary>
public static class Ingest
{
    /// <summary>A fixed clock reading so tests never depend on the real time.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new or changed entity (processed JSON, relations and errors all set).</summary>
    public static IngestedEntity Changed(
        string entityRef, string hash = "h1", string source = "catalog-info.yaml", string? json = null,
        IReadOnlyList<EntityRelation>? relations = null, string errorsJson = "[]")
    {
        var parts = entityRef.Split(':', '/');
        return new IngestedEntity(entityRef, hash, source, json ?? EntityJson.Processed(parts[0], parts[^1]), relations ?? [], errorsJson);
    }

    /// <summary>An entity whose hash is unchanged (nothing but ref, hash and source).</summary>
    public static IngestedEntity Unchanged(string entityRef, string hash = "h1", string source = "catalog-info.yaml") =>
        new(entityRef, hash, source, null, null, null);

    /// <summary>An entity whose new content could not be processed.</summary>
    public static IngestedEntity Failed(string entityRef, string hash, string errorsJson, string source = "catalog-info.yaml") =>
        new(entityRef, hash, source, null, null, errorsJson);

    /// <summary>One relation and its inverse, as the originating entity emits them.</summary>
    public static EntityRelation[] Both(string source, string type, string target, string inverseType) =>
        [new(source, type, target), new(target, inverseType, source)];

    /// <summary>A complete pass over <paramref name="locationId"/>.</summary>
    public static IngestionBatch Batch(Guid locationId, params IngestedEntity[] entities) =>
        new(locationId, entities, [], T0);

    /// <summary>A complete pass at a given time, with sources that could not be read.</summary>
    public static IngestionBatch Batch(Guid locationId, DateTimeOffset now, IReadOnlyCollection<string> keepSources, params IngestedEntity[] entities) =>
        new(locationId, entities, keepSources, now);
}
