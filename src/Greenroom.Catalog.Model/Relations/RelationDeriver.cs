using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Catalog.Model.Relations;

/// <summary>
/// Derives every relation Backstage's built-in processor emits from an entity's spec fields, in both directions
/// (A ownedBy B and B ownerOf A), with target refs lower-cased and per-field default kinds applied.
/// A relation to an entity that does not exist is still emitted.
/// </summary>
public static class RelationDeriver
{
    /// <summary>The relations of the valid entity <paramref name="entity"/>, whose own ref is <paramref name="self"/>.</summary>
    public static IReadOnlyList<EntityRelation> Derive(JsonObject entity, EntityRef self) => throw new NotImplementedException();
}
