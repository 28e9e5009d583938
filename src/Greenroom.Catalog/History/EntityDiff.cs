using System.Text.Json.Nodes;

namespace Greenroom.Catalog.History;

/// <summary>
/// The changes between two final forms of an entity as <c>[{op: add|remove|replace, path, old, new}]</c>, with dotted
/// paths (<c>spec.owner</c>, <c>metadata.tags</c>). Objects are compared key by key; arrays and scalars as a whole.
/// <c>metadata.etag</c> is ignored: it changes with everything else.
/// </summary>
internal static class EntityDiff
{
    /// <summary>The diff from <paramref name="previous"/> (null when new) to <paramref name="current"/>.</summary>
    public static JsonArray Compute(JsonObject? previous, JsonObject current)
    {
        var changes = new JsonArray();
        Compare(string.Empty, previous ?? [], current, changes);
        return changes;
    }

    private static void Compare(string path, JsonObject before, JsonObject after, JsonArray changes)
    {
        foreach (var (key, oldValue) in before)
        {
            var childPath = Join(path, key);
            if (childPath == "metadata.etag")
            {
                continue;
            }

            if (!after.TryGetPropertyValue(key, out var newValue))
            {
                changes.Add(Change("remove", childPath, oldValue, null));
            }
            else if (oldValue is JsonObject oldObject && newValue is JsonObject newObject)
            {
                Compare(childPath, oldObject, newObject, changes);
            }
            else if (!JsonNode.DeepEquals(oldValue, newValue))
            {
                changes.Add(Change("replace", childPath, oldValue, newValue));
            }
        }

        foreach (var (key, newValue) in after)
        {
            var childPath = Join(path, key);
            if (childPath != "metadata.etag" && !before.ContainsKey(key))
            {
                changes.Add(Change("add", childPath, null, newValue));
            }
        }
    }

    private static JsonObject Change(string op, string path, JsonNode? oldValue, JsonNode? newValue) => new()
    {
        ["op"] = op,
        ["path"] = path,
        ["old"] = oldValue?.DeepClone(),
        ["new"] = newValue?.DeepClone(),
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
