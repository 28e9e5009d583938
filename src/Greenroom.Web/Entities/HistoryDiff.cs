using System.Text.Json.Nodes;

namespace Greenroom.Web.Entities;

/// <summary>One field change of a history entry, values rendered as short text.</summary>
public sealed record HistoryDiff(string Op, string Path, string? Old, string? New)
{
    /// <summary>Reads a history entry's diff (<c>[{op, path, old, new}]</c>); empty when it has none or it is malformed.</summary>
    public static IReadOnlyList<HistoryDiff> Parse(string diffJson)
    {
        try
        {
            return JsonNode.Parse(diffJson) is JsonArray array
                ? array.OfType<JsonObject>().Select(c => new HistoryDiff(
                    c["op"]?.ToString() ?? "replace",
                    c["path"]?.ToString() ?? string.Empty,
                    Show(c["old"]),
                    Show(c["new"]))).ToList()
                : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static string? Show(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
