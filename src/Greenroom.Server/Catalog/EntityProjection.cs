using System.Text.Json.Nodes;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;

namespace Greenroom.Server.Catalog;

/// <summary>Turns stored entities into response JSON: untouched when no <c>fields</c> were asked for, projected otherwise.</summary>
internal static class EntityProjection
{
    public static IEnumerable<string?> Apply(IEnumerable<StoredEntity?> entities, EntityFieldsProjection? projection) =>
        projection is null ? entities.Select(e => e?.Json) : entities.Select(e => e is null ? null : Project(e.Json, projection));

    public static string Project(string json, EntityFieldsProjection? projection) =>
        projection is null || JsonNode.Parse(json) is not JsonObject entity ? json : projection.Apply(entity).ToJsonString();
}
