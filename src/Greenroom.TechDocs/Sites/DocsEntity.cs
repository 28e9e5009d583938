using System.Text.Json;
using Greenroom.Plugins.Catalog;

namespace Greenroom.TechDocs.Sites;

/// <summary>What TechDocs reads from a catalog entity: its name parts, title and the annotations that locate its docs.</summary>
/// <param name="EntityRef">Lower-cased ref key, <c>component:default/petstore</c>.</param>
/// <param name="Namespace">Lower-cased namespace.</param>
/// <param name="Kind">Lower-cased kind.</param>
/// <param name="Name">Lower-cased name.</param>
/// <param name="Title">metadata.title, or the name.</param>
/// <param name="TechDocsRef"><c>backstage.io/techdocs-ref</c>, when present.</param>
/// <param name="ManagedByLocation"><c>backstage.io/managed-by-location</c> (<c>file:/...</c> or <c>url:...</c>).</param>
/// <param name="OriginLocation"><c>backstage.io/managed-by-origin-location</c>.</param>
public sealed record DocsEntity(
    string EntityRef,
    string Namespace,
    string Kind,
    string Name,
    string Title,
    string? TechDocsRef,
    string? ManagedByLocation,
    string? OriginLocation)
{
    /// <summary>The annotation naming the docs source.</summary>
    public const string TechDocsRefAnnotation = "backstage.io/techdocs-ref";

    /// <summary>Where this entity's pages are served: <c>/docs/{namespace}/{kind}/{name}/</c>.</summary>
    public string PageBaseUrl => $"/docs/{Uri.EscapeDataString(Namespace)}/{Uri.EscapeDataString(Kind)}/{Uri.EscapeDataString(Name)}/";

    /// <summary>Where this entity's other files are served (Backstage's static docs path).</summary>
    public string AssetBaseUrl =>
        $"/api/techdocs/static/docs/{Uri.EscapeDataString(Namespace)}/{Uri.EscapeDataString(Kind)}/{Uri.EscapeDataString(Name)}/";

    /// <summary>Reads the fields from the entity's JSON.</summary>
    public static DocsEntity From(CatalogEntity entity)
    {
        using var document = JsonDocument.Parse(entity.Json);
        var root = document.RootElement;
        var metadata = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        string? Get(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        var annotations = metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("annotations", out var a) ? a : default;

        var name = (Get(metadata, "name") ?? string.Empty).ToLowerInvariant();
        return new DocsEntity(
            entity.EntityRef.ToLowerInvariant(),
            (Get(metadata, "namespace") ?? "default").ToLowerInvariant(),
            (Get(root, "kind") ?? string.Empty).ToLowerInvariant(),
            name,
            Get(metadata, "title") ?? Get(metadata, "name") ?? name,
            Get(annotations, TechDocsRefAnnotation)?.Trim(),
            Get(annotations, "backstage.io/managed-by-location"),
            Get(annotations, "backstage.io/managed-by-origin-location"));
    }

    /// <summary>Splits <c>kind:namespace/name</c> into its lower-cased parts, or null when malformed.</summary>
    public static (string Namespace, string Kind, string Name)? ParseRef(string entityRef)
    {
        var colon = entityRef.IndexOf(':', StringComparison.Ordinal);
        var slash = entityRef.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && slash > colon + 1 && slash < entityRef.Length - 1
            ? (entityRef[(colon + 1)..slash].ToLowerInvariant(), entityRef[..colon].ToLowerInvariant(), entityRef[(slash + 1)..].ToLowerInvariant())
            : null;
    }

    /// <summary>The ref key for URL parts.</summary>
    public static string RefOf(string @namespace, string kind, string name) =>
        $"{kind}:{@namespace}/{name}".ToLowerInvariant();
}
