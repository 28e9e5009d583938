using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Web.Navigation;

namespace Greenroom.Web.Entities;

/// <summary>A final entity read for display: the envelope's common fields parsed once, the rest kept as JSON.</summary>
public sealed class EntityView
{
    private EntityView(JsonObject root, string json)
    {
        Root = root;
        Json = json;
        var metadata = root["metadata"] as JsonObject ?? [];
        Metadata = metadata;
        Spec = root["spec"] as JsonObject ?? [];
        Kind = Text(root, "kind") ?? "Unknown";
        ApiVersion = Text(root, "apiVersion") ?? string.Empty;
        Name = Text(metadata, "name") ?? string.Empty;
        Namespace = Text(metadata, "namespace") ?? EntityRef.DefaultNamespace;
        Title = Text(metadata, "title");
        Description = Text(metadata, "description");
        Uid = Text(metadata, "uid") ?? string.Empty;
        Tags = (metadata["tags"] as JsonArray)?.Select(t => t?.ToString()).OfType<string>().ToList() ?? [];
        Annotations = StringMap(metadata["annotations"]);
        Labels = StringMap(metadata["labels"]);
        Links = (metadata["links"] as JsonArray)?.OfType<JsonObject>()
            .Select(l => new EntityLinkView(Text(l, "url") ?? string.Empty, Text(l, "title"), Text(l, "icon"), Text(l, "type")))
            .Where(l => l.Url.Length > 0)
            .ToList() ?? [];
        Relations = (root["relations"] as JsonArray)?.OfType<JsonObject>()
            .Select(r => new RelationView(Text(r, "type") ?? string.Empty, Text(r, "targetRef") ?? string.Empty))
            .Where(r => r.Type.Length > 0 && r.TargetRef.Length > 0)
            .ToList() ?? [];
        Problems = ((root["status"] as JsonObject)?["items"] as JsonArray)?.OfType<JsonObject>()
            .Select(ProblemView.From)
            .ToList() ?? [];
    }

    /// <summary>The whole entity.</summary>
    public JsonObject Root { get; }

    /// <summary>The entity as stored (for the raw view).</summary>
    public string Json { get; }

    /// <summary><c>metadata</c>.</summary>
    public JsonObject Metadata { get; }

    /// <summary><c>spec</c> (empty when absent).</summary>
    public JsonObject Spec { get; }

    /// <summary>Kind as written (<c>Component</c>).</summary>
    public string Kind { get; }

    /// <summary><c>apiVersion</c>.</summary>
    public string ApiVersion { get; }

    /// <summary><c>metadata.name</c>.</summary>
    public string Name { get; }

    /// <summary><c>metadata.namespace</c>, <c>default</c> when absent.</summary>
    public string Namespace { get; }

    /// <summary><c>metadata.title</c>.</summary>
    public string? Title { get; }

    /// <summary><c>metadata.description</c>.</summary>
    public string? Description { get; }

    /// <summary><c>metadata.uid</c>.</summary>
    public string Uid { get; }

    /// <summary><c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary><c>metadata.annotations</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; }

    /// <summary><c>metadata.labels</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary><c>metadata.links</c> with a URL.</summary>
    public IReadOnlyList<EntityLinkView> Links { get; }

    /// <summary>Every relation, as stitched.</summary>
    public IReadOnlyList<RelationView> Relations { get; }

    /// <summary>Processing problems from <c>status.items</c>.</summary>
    public IReadOnlyList<ProblemView> Problems { get; }

    /// <summary>The title, or the name when there is none.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Title) ? Name : Title!;

    /// <summary>The entity's ref, <c>component:default/petstore</c> as written.</summary>
    public string Ref => $"{Kind.ToLowerInvariant()}:{Namespace}/{Name}";

    /// <summary>The portal path of this entity.</summary>
    public string Path => PortalPaths.Entity(Namespace, Kind, Name);

    /// <summary>A string field of <c>spec</c>.</summary>
    public string? SpecText(string field) => Text(Spec, field);

    /// <summary>Targets of relations of <paramref name="type"/> (as stored: lower-cased refs).</summary>
    public IReadOnlyList<string> RelationTargets(string type) =>
        Relations.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).Select(r => r.TargetRef).ToList();

    /// <summary>An annotation's value, or null.</summary>
    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;

    /// <summary>Parses a final entity; null when the text is not an entity object.</summary>
    public static EntityView? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root ? new EntityView(root, json) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        (node as JsonObject)?
            .Where(p => p.Value is JsonValue)
            .ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal) ?? [];
}

/// <summary>One of <c>metadata.links</c>.</summary>
public sealed record EntityLinkView(string Url, string? Title, string? Icon, string? Type);

/// <summary>One stitched relation.</summary>
public sealed record RelationView(string Type, string TargetRef);

/// <summary>One processing problem from <c>status.items</c>.</summary>
/// <param name="Level">error or warning.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Where">File, line and field when known.</param>
public sealed record ProblemView(string Level, string Message, string? Where)
{
    /// <summary>Reads one Backstage status item (<c>{type, level, message, error: {name, message, ...}}</c>).</summary>
    public static ProblemView From(JsonObject item)
    {
        var level = item["level"]?.ToString() ?? "error";
        var error = item["error"] as JsonObject;
        var message = error?["message"]?.ToString() ?? item["message"]?.ToString() ?? "Unknown problem";
        var where = error?["location"]?.ToString() ?? error?["file"]?.ToString();
        return new ProblemView(level, message, where);
    }
}
