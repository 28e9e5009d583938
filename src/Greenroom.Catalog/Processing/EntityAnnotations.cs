using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Catalog.Processing;

/// <summary>The annotations and defaults processing adds to every entity, as Backstage's pipeline does.</summary>
internal static class EntityAnnotations
{
    public const string ManagedByLocation = "backstage.io/managed-by-location";
    public const string ManagedByOriginLocation = "backstage.io/managed-by-origin-location";
    public const string Orphan = "backstage.io/orphan";

    /// <summary>Sets <c>metadata.namespace</c> when absent and the two managed-by annotations.</summary>
    public static void Apply(JsonObject entity, string location, string originLocation)
    {
        if (entity["metadata"] is not JsonObject metadata)
        {
            return;
        }

        if (string.IsNullOrEmpty(EntityFields.StringAt(metadata, "namespace")))
        {
            metadata["namespace"] = EntityRef.DefaultNamespace;
        }

        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        annotations[ManagedByLocation] = location;
        annotations[ManagedByOriginLocation] = originLocation;
    }
}
