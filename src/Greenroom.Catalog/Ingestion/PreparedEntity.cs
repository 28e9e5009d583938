using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// A processed entity reduced to what an ingestion batch stores: its JSON and the relations it originates, or the
/// problem that stopped its relations being derived. Much smaller than the tree, so a pass can hold 100k of them.
/// </summary>
/// <param name="ProcessedJson">The processed entity; null when <paramref name="RelationProblem"/> is set.</param>
/// <param name="Relations">The relations it originates; null when <paramref name="RelationProblem"/> is set.</param>
/// <param name="RelationProblem">Why relations could not be derived, or null.</param>
internal sealed record PreparedEntity(string? ProcessedJson, IReadOnlyList<EntityRelation>? Relations, CatalogProblem? RelationProblem)
{
    /// <summary>Serializes <paramref name="entity"/> (a valid, processed entity) and derives its relations.</summary>
    public static PreparedEntity From(JsonObject entity, string key, string source) => From(entity, key, source, json: null, relations: null);

    /// <summary>
    /// As <see cref="From(JsonObject, string, string)"/>, with the entity's <paramref name="json"/> and
    /// <paramref name="relations"/> when the caller already has them (each null to compute it here).
    /// </summary>
    public static PreparedEntity From(JsonObject entity, string key, string source, string? json, IReadOnlyList<EntityRelation>? relations)
    {
        try
        {
            relations ??= RelationDeriver.Derive(entity, EntityFields.RefOf(entity)!.Value);
            return new PreparedEntity(json ?? entity.ToJsonString(), relations, null);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
        {
            return new PreparedEntity(null, null, new CatalogProblem($"Relations could not be derived: {exception.Message} (entity {key})", File: source));
        }
    }
}
