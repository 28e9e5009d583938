using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Query;

/// <summary>
/// Backstage's <c>fields</c> parameter: keeps only the named dotted paths of each entity
/// (<c>fields=kind,metadata.name</c>). Where Backstage's path splitting cannot reach keys that contain dots
/// (<c>metadata.annotations.backstage.io/orphan</c>), this projection also tries the longer key.
/// </summary>
public sealed class EntityFieldsProjection
{
    private readonly IReadOnlyList<string> _fields;

    private EntityFieldsProjection(IReadOnlyList<string> fields) => _fields = fields;

    /// <summary>The paths kept, as given.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The projection for <paramref name="fieldParameters"/> (comma-separated, repeatable), or null for "everything".</summary>
    /// <exception cref="CatalogInputException">A field uses array syntax, which is not supported.</exception>
    public static EntityFieldsProjection? Parse(IEnumerable<string?> fieldParameters)
    {
        var fields = fieldParameters
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => p!.Split(','))
            .Select(f => f.Trim())
            .Where(f => f.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        if (fields.Any(f => f.Contains('[', StringComparison.Ordinal)))
        {
            throw new CatalogInputException("Invalid fields, array type fields are not supported");
        }

        return new EntityFieldsProjection(fields);
    }

    /// <summary>A new object holding only the projected paths of <paramref name="entity"/> (paths it lacks are left out).</summary>
    public JsonObject Apply(JsonObject entity)
    {
        var output = new JsonObject();
        foreach (var field in _fields)
        {
            var segments = field.Split('.');
            var (value, keys) = Find(entity, segments, 0);
            if (value is not null && keys is not null)
            {
                Set(output, keys, value.DeepClone());
            }
        }

        return output;
    }

    // Walks the path; at each level the shortest matching key wins, then longer keys joined with dots are tried.
    private static (JsonNode? Value, List<string>? Keys) Find(JsonNode node, string[] segments, int start)
    {
        if (node is not JsonObject obj)
        {
            return (null, null);
        }

        for (var end = start + 1; end <= segments.Length; end++)
        {
            var key = string.Join('.', segments[start..end]);
            if (!obj.TryGetPropertyValue(key, out var child) || child is null)
            {
                continue;
            }

            if (end == segments.Length)
            {
                return (child, [key]);
            }

            var (value, keys) = Find(child, segments, end);
            if (value is not null && keys is not null)
            {
                keys.Insert(0, key);
                return (value, keys);
            }
        }

        return (null, null);
    }

    private static void Set(JsonObject output, List<string> keys, JsonNode value)
    {
        var current = output;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (current[keys[i]] is not JsonObject next)
            {
                next = new JsonObject();
                current[keys[i]] = next;
            }

            current = next;
        }

        current[keys[^1]] = value;
    }
}
