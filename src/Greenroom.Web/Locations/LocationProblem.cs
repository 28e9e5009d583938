using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Web.Locations;

/// <summary>One problem of a location's latest refresh, as the store records it (<c>{message, file, line, column, field, name}</c>).</summary>
public sealed record LocationProblem(string Message, string? File, int? Line, int? Column, string? Field, string Name)
{
    /// <summary>Whether another location already provides the entity.</summary>
    public bool IsConflict => Name == "ConflictError";

    /// <summary><c>file:line:column</c>, as much of it as is known; null when the file is not.</summary>
    public string? Where => File is null ? null : Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";

    /// <summary>Reads a location's errors; a malformed value becomes one problem saying so rather than hiding them.</summary>
    public static IReadOnlyList<LocationProblem> Parse(string errorsJson)
    {
        try
        {
            return JsonNode.Parse(errorsJson) is JsonArray array
                ? array.OfType<JsonObject>().Select(From).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [new LocationProblem("The recorded errors of this location could not be read", null, null, null, null, "InternalError")];
        }
    }

    private static LocationProblem From(JsonObject item) => new(
        Text(item, "message") ?? "Unknown problem",
        Text(item, "file"),
        Number(item, "line"),
        Number(item, "column"),
        Text(item, "field"),
        Text(item, "name") ?? "InputError");

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
