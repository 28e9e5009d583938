using System.Globalization;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Entities;

/// <summary>
/// Reads a value at a field path such as <c>metadata.name</c>, <c>spec.targets[2]</c> or <c>metadata.annotations.backstage.io/techdocs-ref</c>.
/// Object keys may contain dots (annotation keys do), so at each object the longest matching key wins.
/// </summary>
public static class FieldPath
{
    /// <summary>The node at <paramref name="path"/>; false when any step is missing.</summary>
    public static bool TryGet(JsonNode? root, string path, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = null;
        var node = root;
        var rest = path.AsSpan();
        while (rest.Length > 0)
        {
            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']');
                if (close < 0 || node is not JsonArray array
                    || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= array.Count)
                {
                    return false;
                }

                node = array[index];
                rest = rest[(close + 1)..];
            }
            else
            {
                if (node is not JsonObject obj || !TryStepIntoObject(obj, rest, out node, out var consumed))
                {
                    return false;
                }

                rest = rest[consumed..];
            }

            if (rest.Length > 0 && rest[0] == '.')
            {
                rest = rest[1..];
            }
        }

        value = node;
        return true;
    }

    /// <summary>The node at <paramref name="path"/>, or null when missing.</summary>
    public static JsonNode? Get(JsonNode? root, string path) => TryGet(root, path, out var value) ? value : null;

    private static bool TryStepIntoObject(JsonObject obj, ReadOnlySpan<char> rest, out JsonNode? child, out int consumed)
    {
        // Try the longest candidate first: the whole remaining segment up to '[', then shorter prefixes ending before a '.'.
        var end = rest.IndexOf('[');
        var candidate = end < 0 ? rest : rest[..end];
        while (candidate.Length > 0)
        {
            if (obj.TryGetPropertyValue(candidate.ToString(), out child))
            {
                consumed = candidate.Length;
                return true;
            }

            var dot = candidate.LastIndexOf('.');
            if (dot < 0)
            {
                break;
            }

            candidate = candidate[..dot];
        }

        child = null;
        consumed = 0;
        return false;
    }
}
