using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Query;

/// <summary>
/// Encodes <see cref="QueryCursor"/> as Backstage does: base64 of a JSON object
/// (<c>filter, orderFields, fullTextFilter, orderFieldValues, isPrevious, totalItems</c>). The cursor is opaque to
/// callers; decoding validates every field so a tampered cursor is a 400, never a crash.
/// </summary>
public static class QueryCursorCodec
{
    /// <summary>The cursor as an opaque string.</summary>
    public static string Encode(QueryCursor cursor)
    {
        var values = new JsonArray();
        foreach (var value in cursor.SortValues)
        {
            values.Add(value is null ? null : JsonValue.Create(value));
        }

        // As in Backstage, the last value is the row's identity, the tie-breaker of the order.
        values.Add(JsonValue.Create(cursor.EntityRef));
        var json = new JsonObject
        {
            ["filter"] = cursor.Filter is null ? null : EncodeFilter(cursor.Filter),
            ["orderFields"] = new JsonArray(cursor.OrderFields
                .Select(o => (JsonNode)new JsonObject { ["field"] = o.Field, ["order"] = o.Descending ? "desc" : "asc" })
                .ToArray()),
            ["fullTextFilter"] = cursor.FullText is null
                ? null
                : new JsonObject
                {
                    ["term"] = cursor.FullText.Term,
                    ["fields"] = new JsonArray(cursor.FullText.Fields.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
                },
            ["orderFieldValues"] = values,
            ["isPrevious"] = cursor.IsPrevious,
            ["totalItems"] = cursor.TotalItems,
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    /// <summary>Decodes a cursor made by <see cref="Encode"/>.</summary>
    /// <exception cref="CatalogInputException">The text is not a valid cursor.</exception>
    public static QueryCursor Decode(string text)
    {
        JsonObject json;
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            json = JsonNode.Parse(bytes) as JsonObject ?? throw Malformed("not a JSON object");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Malformed("could not be parsed");
        }

        try
        {
            var orderFields = (json["orderFields"] as JsonArray ?? throw Malformed("orderFields is missing"))
                .Select(o => new EntityOrder(
                    RequiredString(o?["field"], "orderFields.field").ToLowerInvariant(),
                    RequiredString(o?["order"], "orderFields.order") switch
                    {
                        "asc" => false,
                        "desc" => true,
                        _ => throw Malformed("orderFields.order must be asc or desc"),
                    }))
                .ToList();
            var values = (json["orderFieldValues"] as JsonArray ?? throw Malformed("orderFieldValues is missing"))
                .Select(v => v is null ? null : RequiredString(v, "orderFieldValues"))
                .ToList();
            if (values.Count != orderFields.Count + 1 || values[^1] is null)
            {
                throw Malformed("orderFieldValues does not match orderFields");
            }

            var fullText = json["fullTextFilter"] is JsonObject ft
                ? new FullTextFilter(
                    RequiredString(ft["term"], "fullTextFilter.term"),
                    (ft["fields"] as JsonArray ?? throw Malformed("fullTextFilter.fields is missing"))
                        .Select(f => RequiredString(f, "fullTextFilter.fields")).ToList())
                : null;
            var isPrevious = json["isPrevious"] is JsonValue p && p.TryGetValue<bool>(out var b) ? b : throw Malformed("isPrevious is missing");
            var total = json["totalItems"] is JsonValue t && t.TryGetValue<int>(out var n) && n >= 0 ? n : throw Malformed("totalItems is missing");
            return new QueryCursor(
                json["filter"] is JsonObject f ? DecodeFilter(f) : null,
                orderFields,
                fullText,
                values.Take(orderFields.Count).ToList(),
                values[^1]!,
                isPrevious,
                total);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw Malformed("unexpected content");
        }
    }

    private static JsonObject EncodeFilter(EntityFilter filter) => new()
    {
        ["anyOf"] = new JsonArray(filter.AnyOf.Select(a => (JsonNode)new JsonObject
        {
            ["allOf"] = new JsonArray(a.AllOf.Select(c =>
            {
                var condition = new JsonObject { ["key"] = c.Key };
                if (c.Values is not null)
                {
                    condition["values"] = new JsonArray(c.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                }

                if (c.Negate)
                {
                    condition["not"] = true;
                }

                return (JsonNode)condition;
            }).ToArray()),
        }).ToArray()),
    };

    private static EntityFilter DecodeFilter(JsonObject json) => new(
        (json["anyOf"] as JsonArray ?? throw Malformed("filter.anyOf is missing"))
            .Select(a => new FilterAlternative(
                (a?["allOf"] as JsonArray ?? throw Malformed("filter.allOf is missing"))
                    .Select(c => new FilterCondition(
                        RequiredString(c?["key"], "filter.key").ToLowerInvariant(),
                        c?["values"] is JsonArray vs ? vs.Select(v => RequiredString(v, "filter.values").ToLowerInvariant()).ToList() : null,
                        c?["not"] is JsonValue neg && neg.TryGetValue<bool>(out var isNot) && isNot))
                    .ToList()))
            .ToList());

    private static string RequiredString(JsonNode? node, string what) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Malformed($"{what} must be a string");

    private static CatalogInputException Malformed(string reason) => new($"Malformed cursor: {reason}");
}
