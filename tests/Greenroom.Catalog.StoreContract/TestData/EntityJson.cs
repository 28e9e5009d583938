using System.Text.Json.Nodes;

namespace Greenroom.Catalog.StoreContract.TestData;

/// <summary>Builds processed entity JSON (what ingestion stores before stitching) for store tests.</summary>
public static class EntityJson
{
    /// <summary>The lower-cased ref key of a default-namespace entity.</summary>
    public static string Ref(string kind, string name) => $"{kind}:default/{name}".ToLowerInvariant();

    /// <summary>A processed entity; <paramref name="spec"/> values may be strings or string arrays.</summary>
    public static string Processed(
        string kind, string name, IReadOnlyDictionary<string, object>? spec = null, string? title = null, IReadOnlyList<string>? tags = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = "default" };
        if (title is not null)
        {
            metadata["title"] = title;
        }

        if (tags is not null)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        var specNode = new JsonObject();
        foreach (var (key, value) in spec ?? new Dictionary<string, object>())
        {
            specNode[key] = value switch
            {
                string s => JsonValue.Create(s),
                IEnumerable<string> list => new JsonArray(list.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                _ => throw new ArgumentException($"Unsupported spec value for {key}", nameof(spec)),
            };
        }

        return new JsonObject
        {
            ["apiVersion"] = "backstage.io/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["spec"] = specNode,
        }.ToJsonString();
    }
}
