using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.Core;

namespace Greenroom.Web.Entities.Definitions;

/// <summary>
/// Reads an OpenAPI 2.0 or 3.x definition (YAML or JSON) with Microsoft.OpenApi (YAML is converted to JSON first by
/// <see cref="YamlJson"/>). External <c>$ref</c>s are never
/// followed (definitions are untrusted and must not make the server fetch anything); internal ones are resolved.
/// </summary>
public static class OpenApiDefinitionReader
{
    /// <summary>Larger definitions are not parsed (they are still shown as text).</summary>
    public const int MaxDefinitionBytes = 2 * 1024 * 1024;

    private static readonly string[] MethodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

    /// <summary>The browsable view of <paramref name="definition"/>, or the reason it could not be read.</summary>
    public static DefinitionReadResult<OpenApiView> Read(string definition)
    {
        if (Encoding.UTF8.GetByteCount(definition) > MaxDefinitionBytes)
        {
            return DefinitionReadResult<OpenApiView>.Failed($"The definition is larger than {MaxDefinitionBytes / 1024 / 1024} MB, too large to browse.");
        }

        ReadResult result;
        try
        {
            var json = definition.TrimStart().StartsWith('{') ? definition : YamlJson.Convert(definition);
            result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings { LoadExternalRefs = false });
        }
        catch (YamlException e)
        {
            return DefinitionReadResult<OpenApiView>.Failed($"Invalid YAML at line {e.Start.Line}, column {e.Start.Column} of the definition: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The parser throws for input it cannot even tokenise; that is the definition's fault, not the page's.
            return DefinitionReadResult<OpenApiView>.Failed(e.Message);
        }

        var problems = result.Diagnostic?.Errors.Select(Describe).ToList() ?? [];
        var document = result.Document;
        if (document is null || (document.Paths is not { Count: > 0 } && problems.Count > 0))
        {
            return DefinitionReadResult<OpenApiView>.Failed(problems.Count > 0 ? string.Join(Environment.NewLine, problems) : "The definition is not an OpenAPI document.");
        }

        var servers = document.Servers?.Where(s => !string.IsNullOrWhiteSpace(s.Url)).Select(s => (s.Url!, s.Description)).ToList() ?? [];
        var view = new OpenApiView(
            document.Info?.Title,
            document.Info?.Version,
            document.Info?.Description,
            SpecName(result.Diagnostic?.SpecificationVersion),
            servers,
            Group(document),
            problems);
        return DefinitionReadResult<OpenApiView>.Ok(view);
    }

    private static string SpecName(OpenApiSpecVersion? version) => version switch
    {
        OpenApiSpecVersion.OpenApi2_0 => "Swagger 2.0",
        OpenApiSpecVersion.OpenApi3_0 => "OpenAPI 3.0",
        OpenApiSpecVersion.OpenApi3_1 => "OpenAPI 3.1",
        _ => "OpenAPI",
    };

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) ? error.Message : $"{error.Message} (at {error.Pointer})";

    private static List<OperationGroup> Group(OpenApiDocument document)
    {
        var operations = new List<(string Tag, OperationView Operation)>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            var shared = item.Parameters ?? [];
            foreach (var (method, operation) in (item.Operations ?? []).OrderBy(o => Array.IndexOf(MethodOrder, o.Key.Method.ToLowerInvariant())))
            {
                var view = Operation(method.Method.ToUpperInvariant(), path, operation, shared);
                var tags = operation.Tags?.Select(t => t.Name).OfType<string>().ToList() ?? [];
                foreach (var tag in tags.Count == 0 ? [string.Empty] : tags)
                {
                    operations.Add((tag, view));
                }
            }
        }

        var declared = document.Tags?.Where(t => t.Name is not null).ToDictionary(t => t.Name!, t => t.Description, StringComparer.Ordinal) ?? [];
        var order = declared.Keys.ToList();
        return operations
            .GroupBy(o => o.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? int.MaxValue : order.IndexOf(g.Key) is var i and >= 0 ? i : order.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OperationGroup(g.Key.Length == 0 ? "Other operations" : g.Key, declared.GetValueOrDefault(g.Key), g.Select(o => o.Operation).ToList()))
            .ToList();
    }

    private static OperationView Operation(string method, string path, OpenApiOperation operation, IList<IOpenApiParameter> shared)
    {
        // Operation parameters override path-level ones with the same name and location.
        var parameters = (operation.Parameters ?? [])
            .Concat(shared.Where(s => operation.Parameters?.Any(p => p.Name == s.Name && p.In == s.In) != true))
            .Select(p => new ParameterView(
                p.Name ?? "(unnamed)",
                p.In?.ToString().ToLowerInvariant() ?? "query",
                p.Required,
                p.Deprecated,
                p.Description,
                SchemaViewBuilder.Build(p.Schema ?? p.Content?.Values.FirstOrDefault()?.Schema)))
            .ToList();
        var body = operation.RequestBody is { } requestBody
            ? new RequestBodyView(requestBody.Required, requestBody.Description, Media(requestBody.Content))
            : null;
        var responses = (operation.Responses ?? [])
            .Select(r => new ResponseView(r.Key, r.Value.Description, Media(r.Value.Content)))
            .ToList();
        return new OperationView(method, path, operation.OperationId, operation.Summary, operation.Description, operation.Deprecated, parameters, body, responses);
    }

    private static List<MediaView> Media(IDictionary<string, OpenApiMediaType>? content) =>
        content?.Select(c => new MediaView(c.Key, SchemaViewBuilder.Build(c.Value.Schema))).ToList() ?? [];
}
