using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Processing;

/// <summary>
/// Replaces <c>{$text: path}</c>, <c>{$json: path}</c> and <c>{$yaml: path}</c> objects with the content they name,
/// read relative to the file holding them, inside the location's root, within the size limits.
/// </summary>
internal sealed class PlaceholderResolver(SourceReader reader, DescriptorParser parser)
{
    /// <summary>Resolves every placeholder of <paramref name="entity"/> in place; returns the problems (field paths set, no positions).</summary>
    public async Task<IReadOnlyList<CatalogProblem>> ResolveAsync(
        JsonObject entity, SourceAddress from, string root, CancellationToken cancellationToken)
    {
        // Most entities hold none: a walk that builds no paths and copies nothing settles that first.
        if (!HasAny(entity))
        {
            return [];
        }

        var found = new List<Placeholder>();
        Collect(entity, string.Empty, found);

        var problems = new List<CatalogProblem>();
        foreach (var placeholder in found)
        {
            try
            {
                var value = await ResolveOneAsync(placeholder, from, root, cancellationToken).ConfigureAwait(false);
                placeholder.Replace(value);
            }
            catch (LocationReadException exception)
            {
                problems.Add(new CatalogProblem($"Placeholder {placeholder.Kind} could not be resolved: {exception.Message}", Field: placeholder.Path)
                {
                    Name = exception.Name,
                });
            }
        }

        return problems;
    }

    /// <summary>Whether <paramref name="entity"/> holds a placeholder (a one-key object whose key starts with <c>$</c>).</summary>
    public static bool HasAny(JsonObject entity) => Holds(entity);

    private static bool Holds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (IsPlaceholder(value) || Holds(value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (IsPlaceholder(item) || Holds(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The shape <see cref="Collect"/> treats as a placeholder.</summary>
    private static bool IsPlaceholder(JsonNode? node) =>
        node is JsonObject { Count: 1 } candidate && candidate.First().Key.StartsWith('$');

    private async Task<JsonNode?> ResolveOneAsync(Placeholder placeholder, SourceAddress from, string root, CancellationToken cancellationToken)
    {
        if (placeholder.Kind is not ("$text" or "$json" or "$yaml"))
        {
            throw new LocationReadException($"unknown placeholder (use $text, $json or $yaml)");
        }

        if (placeholder.Argument is not { Length: > 0 } argument)
        {
            throw new LocationReadException("the placeholder value must be a non-empty string");
        }

        var source = SourceResolver.Resolve(from, root, type: null, argument);
        if (!source.IsFile)
        {
            reader.Urls.EnsureAllowed(new Uri(source.Target));
        }

        var text = await reader.ReadTextAsync(source, parser.Limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (placeholder.Kind == "$text")
        {
            return JsonValue.Create(text);
        }

        var parsed = parser.ParseValue(text, source.Target);
        return parsed.Problem is null ? parsed.Value : throw new LocationReadException(parsed.Problem.ToString());
    }

    private static void Collect(JsonNode? node, string path, List<Placeholder> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (value is JsonObject { Count: 1 } candidate && candidate.First() is var (kind, argument) && kind.StartsWith('$'))
                    {
                        found.Add(new Placeholder(childPath, kind, ArgumentOf(argument), v => obj[key] = v));
                    }
                    else
                    {
                        Collect(value, childPath, found);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    var childPath = $"{path}[{i}]";
                    if (array[i] is JsonObject { Count: 1 } candidate && candidate.First() is var (kind, argument) && kind.StartsWith('$'))
                    {
                        found.Add(new Placeholder(childPath, kind, ArgumentOf(argument), v => array[index] = v));
                    }
                    else
                    {
                        Collect(array[i], childPath, found);
                    }
                }

                break;
        }
    }

    private static string? ArgumentOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed record Placeholder(string Path, string Kind, string? Argument, Action<JsonNode?> Replace);
}
