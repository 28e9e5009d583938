using System.Text.RegularExpressions;

namespace Greenroom.Bench.Generation;

/// <summary>Builds descriptor documents (envelope, metadata, spec) in the reference script's key order.</summary>
internal static partial class Descriptors
{
    private const int MaxNameLength = 63;

    // Backstage's metadata.name rule: [a-zA-Z0-9] runs joined by single -, _ or .
    [GeneratedRegex("^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$")]
    private static partial Regex NamePattern();

    /// <summary><paramref name="name"/> unchanged; throws when it breaks Backstage's naming rule (a generator bug).</summary>
    public static string CheckedName(string name) =>
        name.Length <= MaxNameLength && NamePattern().IsMatch(name)
            ? name
            : throw new InvalidOperationException($"Invalid Backstage entity name: '{name}'");

    public static YamlMap Entity(
        string kind,
        string name,
        YamlMap spec,
        string? description = null,
        string? title = null,
        List<object>? tags = null,
        YamlMap? labels = null,
        YamlMap? annotations = null,
        List<object>? links = null)
    {
        var metadata = new YamlMap { { "name", CheckedName(name) } };
        AddIfPresent(metadata, "title", title);
        AddIfPresent(metadata, "description", description);
        AddIfPresent(metadata, "labels", labels is { Count: > 0 } ? labels : null);
        AddIfPresent(metadata, "annotations", annotations is { Count: > 0 } ? annotations : null);
        AddIfPresent(metadata, "tags", tags is { Count: > 0 } ? tags : null);
        AddIfPresent(metadata, "links", links is { Count: > 0 } ? links : null);
        return new YamlMap
        {
            { "apiVersion", Vocabulary.ApiVersion },
            { "kind", kind },
            { "metadata", metadata },
            { "spec", spec },
        };
    }

    /// <summary>A small but valid OpenAPI 3.0 document, as YAML text.</summary>
    public static string OpenApiDefinition(string title, string resource) => string.Join('\n',
    [
        "openapi: 3.0.3",
        "info:",
        $"  title: {title}",
        "  version: 1.0.0",
        "paths:",
        $"  /{resource}:",
        "    get:",
        $"      summary: List {resource}",
        "      responses:",
        "        '200':",
        $"          description: A page of {resource}",
        $"  /{resource}/{{id}}:",
        "    get:",
        $"      summary: Get one of the {resource}",
        "      parameters:",
        "        - name: id",
        "          in: path",
        "          required: true",
        "          schema:",
        "            type: string",
        "      responses:",
        "        '200':",
        "          description: The requested item",
        "        '404':",
        "          description: Not found",
    ]) + "\n";

    /// <summary>Python's <c>str.title()</c> for the ASCII words used here: upper-case after every non-letter.</summary>
    public static string Title(string text)
    {
        var chars = text.ToCharArray();
        var previousIsLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var isLetter = char.IsLetter(chars[i]);
            chars[i] = isLetter && !previousIsLetter ? char.ToUpperInvariant(chars[i]) : isLetter ? char.ToLowerInvariant(chars[i]) : chars[i];
            previousIsLetter = isLetter;
        }

        return new string(chars);
    }

    private static void AddIfPresent(YamlMap map, string key, object? value)
    {
        if (value is string { Length: > 0 } or YamlMap or List<object>)
        {
            map.Add(key, value);
        }
    }
}
