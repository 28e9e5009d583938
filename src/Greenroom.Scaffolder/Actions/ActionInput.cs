using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Actions;

/// <summary>Typed reads of an action's (already schema-validated) input.</summary>
internal static class ActionInput
{
    public static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();

    public static string? String(this JsonObject input, string name) =>
        input[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool Bool(this JsonObject input, string name, bool fallback = false) =>
        input[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : fallback;

    public static IReadOnlyList<string> Strings(this JsonObject input, string name) =>
        input[name] is JsonArray a ? [.. a.OfType<JsonValue>().Select(v => v.ToString())] : [];

    /// <summary>A template-relative location; URLs are refused because templates are read from their own folder.</summary>
    public static string TemplatePath(string url)
    {
        if (url.Contains("://", StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException(
                $"'{url}' is a URL; fetch actions read only from the template's own folder (a relative path such as ./skeleton)");
        }

        return url;
    }
}
