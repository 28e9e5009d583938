using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Entities;

/// <summary>Typed reads of the envelope fields of an entity held as JSON.</summary>
public static class EntityFields
{
    /// <summary>The entity's ref, with the default namespace applied; null when kind or name is missing.</summary>
    public static EntityRef? RefOf(JsonObject entity)
    {
        var kind = StringAt(entity, "kind");
        var metadata = entity["metadata"] as JsonObject;
        var name = metadata is null ? null : StringAt(metadata, "name");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var ns = metadata is null ? null : StringAt(metadata, "namespace");
        return new EntityRef(kind, string.IsNullOrEmpty(ns) ? EntityRef.DefaultNamespace : ns, name);
    }

    /// <summary>The string value of <paramref name="property"/>, or null when absent or not a string.</summary>
    public static string? StringAt(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
