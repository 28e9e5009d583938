using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.StoreContract.TestData;

/// <summary>Flattens entity JSON into search rows the way the stitcher does (dotted lower-cased keys, one row per array item).</summary>
public static class SearchRows
{
    /// <summary>One row: key and value lower-cased, the original value kept for facets.</summary>
    public static SearchRow Row(string key, string? value) => new(key.ToLowerInvariant(), value?.ToLowerInvariant(), value);

    /// <summary>Rows for every scalar of <paramref name="json"/> plus <c>relations.&lt;type&gt;</c> rows.</summary>
    public static IReadOnlyList<SearchRow> From(string json, IEnumerable<EntityRelation> relations)
    {
        var rows = new List<SearchRow>();
        Flatten(JsonNode.Parse(json), "", rows);
        rows.AddRange(relations.Select(r => Row("relations." + r.Type, r.TargetRef)));
        return rows;
    }

    private static void Flatten(JsonNode? node, string path, List<SearchRow> rows)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Flatten(child, path.Length == 0 ? key : $"{path}.{key}", rows);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Flatten(item, path, rows);
                }

                break;
            case JsonValue value:
                rows.Add(Row(path, value.ToString()));
                break;
        }
    }
}
