using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Query;

/// <summary>
/// Evaluates an <see cref="EntityFilter"/> against one entity held in memory, with the store's semantics: dotted
/// lower-cased paths into the entity, arrays matching any element, <c>relations.&lt;type&gt;</c> matching target
/// refs. Used where a handful of already-loaded entities must be filtered (<c>POST /entities/by-refs?filter=</c>);
/// bulk queries run in the store.
/// </summary>
public static class EntityFilterMatcher
{
    /// <summary>True when <paramref name="entity"/> satisfies <paramref name="filter"/> (a null filter matches everything).</summary>
    public static bool Matches(EntityFilter? filter, JsonObject entity)
    {
        if (filter is null)
        {
            return true;
        }

        var rows = Flatten(entity);
        return filter.AnyOf.Any(alternative => alternative.AllOf.All(condition => Holds(condition, rows)));
    }

    private static bool Holds(FilterCondition condition, ILookup<string, string?> rows)
    {
        var present = condition.Values is null
            ? rows.Contains(condition.Key)
            : rows[condition.Key].Any(v => v is not null && condition.Values.Contains(v));
        return present != condition.Negate;
    }

    private static ILookup<string, string?> Flatten(JsonObject entity)
    {
        var rows = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in entity)
        {
            if (key == "relations")
            {
                continue;
            }

            Visit(key.ToLowerInvariant(), value, rows);
        }

        if (entity["relations"] is JsonArray relations)
        {
            foreach (var relation in relations.OfType<JsonObject>())
            {
                if (relation["type"] is JsonValue type && type.TryGetValue<string>(out var t)
                    && relation["targetRef"] is JsonValue target && target.TryGetValue<string>(out var r))
                {
                    rows.Add(new($"relations.{t.ToLowerInvariant()}", r.ToLowerInvariant()));
                }
            }
        }

        return rows.ToLookup(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    private static void Visit(string path, JsonNode? node, List<KeyValuePair<string, string?>> rows)
    {
        switch (node)
        {
            case JsonObject obj:
                rows.Add(new(path, null));
                foreach (var (key, child) in obj)
                {
                    Visit($"{path}.{key.ToLowerInvariant()}", child, rows);
                }

                break;
            case JsonArray array:
                rows.Add(new(path, null));
                foreach (var item in array)
                {
                    Visit(path, item, rows);
                }

                break;
            case JsonValue value:
                rows.Add(new(path, Scalar(value)));
                break;
        }
    }

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>().ToLowerInvariant(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
