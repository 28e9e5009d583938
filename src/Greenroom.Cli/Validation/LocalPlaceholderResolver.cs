using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Cli.Validation;

/// <summary>
/// Resolves <c>{$text: path}</c>, <c>{$json: path}</c> and <c>{$yaml: path}</c> against local files, as the catalog would
/// for a file location: relative to the descriptor, never outside its root folder, within the size limit; <c>$json</c>
/// and <c>$yaml</c> content is parsed with the catalog's parser. URL targets are not fetched (validation stays offline
/// and repeatable): they stand for text that cannot be checked here.
/// </summary>
internal sealed class LocalPlaceholderResolver(DescriptorParser parser, CliEnvironment environment)
{
    private static readonly string[] Kinds = ["$text", "$json", "$yaml"];

    /// <summary>Replaces every placeholder in <paramref name="entity"/>; a problem (naming the field) for each that cannot be.</summary>
    public async Task<IReadOnlyList<CatalogProblem>> ResolveAsync(JsonObject entity, DescriptorFile file, CancellationToken cancellationToken)
    {
        var problems = new List<CatalogProblem>();
        foreach (var (field, kind, target, replace) in Find(entity, string.Empty))
        {
            var (value, problem) = await ReadAsync(kind, target, file, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                replace(value);
            }
            else
            {
                problems.Add(problem.Field is null && problem.File is null
                    ? problem with { Message = $"Placeholder {kind} could not be resolved: {problem.Message}", Field = field }
                    : problem);
            }
        }

        return problems;
    }

    private async Task<(JsonNode? Value, CatalogProblem? Problem)> ReadAsync(string kind, string? target, DescriptorFile file, CancellationToken cancellationToken)
    {
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return Failed($"unknown placeholder (use {string.Join(", ", Kinds)})");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            return Failed("its value must be a non-empty string naming a file or URL");
        }

        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return (kind == "$text" ? JsonValue.Create($"(content of {target})") : new JsonObject(), null);
        }

        var full = Path.GetFullPath(target, Path.GetDirectoryName(file.FullPath)!);
        if (!FolderContainment.IsInside(full, file.Root))
        {
            return Failed($"'{target}' is outside the folder being validated ({environment.DisplayPath(file.Root)})");
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return Failed($"'{target}' does not exist (looked for {environment.DisplayPath(full)})");
        }

        if (info.Length > parser.Limits.MaxFileBytes)
        {
            return Failed($"'{target}' is larger than the limit of {parser.Limits.MaxFileBytes} bytes (MaxFileBytes)");
        }

        string content;
        try
        {
            content = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed($"'{target}' could not be read: {exception.Message}");
        }

        if (kind == "$text")
        {
            return (JsonValue.Create(content), null);
        }

        var parsed = parser.ParseValue(content, environment.DisplayPath(full));
        // The target's own problem: it names that file and the line in it.
        return (parsed.Value, parsed.Problem);
    }

    /// <summary>Every single-key object whose key starts with <c>$</c>, as Backstage's placeholder processor sees them.</summary>
    private static IEnumerable<(string Field, string Kind, string? Target, Action<JsonNode?> Replace)> Find(JsonNode? node, string path)
    {
        var children = node switch
        {
            JsonObject map => map.Select(pair => (Path: path.Length == 0 ? pair.Key : $"{path}.{pair.Key}", pair.Value, Set: (Action<JsonNode?>)(value => map[pair.Key] = value))),
            JsonArray list => list.Select((item, index) => (Path: $"{path}[{index}]", Value: item, Set: (Action<JsonNode?>)(value => list[index] = value))),
            _ => [],
        };

        // Materialised first: replacing a value while enumerating its parent would invalidate the enumeration.
        foreach (var child in children.ToList())
        {
            if (child.Value is JsonObject { Count: 1 } candidate && candidate.First() is var (key, argument) && key.StartsWith('$'))
            {
                yield return (child.Path, key, argument is JsonValue value && value.TryGetValue<string>(out var text) ? text : null, child.Set);
            }
            else
            {
                foreach (var nested in Find(child.Value, child.Path))
                {
                    yield return nested;
                }
            }
        }
    }

    private static (JsonNode? Value, CatalogProblem? Problem) Failed(string message) => (null, new CatalogProblem(message));
}
