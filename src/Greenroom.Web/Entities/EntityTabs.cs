namespace Greenroom.Web.Entities;

/// <summary>The tabs of an entity page, which depend on its kind. A tab is a further path segment of the entity URL.</summary>
public static class EntityTabs
{
    /// <summary>The default tab.</summary>
    public const string Overview = "overview";

    /// <summary>Relations drawn as a graph.</summary>
    public const string Dependencies = "dependencies";

    /// <summary>An API's definition.</summary>
    public const string Definition = "definition";

    /// <summary>The entity's TechDocs, when it has a <c>backstage.io/techdocs-ref</c>.</summary>
    public const string Docs = "docs";

    /// <summary>Recorded changes.</summary>
    public const string History = "history";

    /// <summary>The descriptor as YAML and where it came from.</summary>
    public const string Raw = "raw";

    /// <summary>The tabs for <paramref name="kind"/>, as (segment, label); a Docs tab when <paramref name="hasDocs"/>.</summary>
    public static IReadOnlyList<(string Segment, string Label)> For(string kind, bool hasDocs = false) =>
    [
        (Overview, "Overview"),
        .. string.Equals(kind, "api", StringComparison.OrdinalIgnoreCase) ? [(Definition, "Definition")] : Array.Empty<(string, string)>(),
        .. hasDocs ? [(Docs, "Docs")] : Array.Empty<(string, string)>(),
        (Dependencies, "Dependencies"),
        (History, "History"),
        (Raw, "Descriptor"),
    ];
}
