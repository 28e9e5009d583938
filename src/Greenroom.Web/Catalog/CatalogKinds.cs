namespace Greenroom.Web.Catalog;

/// <summary>The kind tabs and the facets the catalog table offers.</summary>
public static class CatalogKinds
{
    /// <summary>Kind tabs, in Backstage's order.</summary>
    public static readonly IReadOnlyList<string> Tabs = ["Component", "API", "System", "Domain", "Resource", "Group", "User", "Template", "Location"];

    /// <summary>Facets shown beside the table: URL name, search key, label and how many values to list.</summary>
    public static readonly IReadOnlyList<CatalogFacet> Facets =
    [
        new("type", "spec.type", "Type", 20),
        new("owner", "relations.ownedby", "Owner", 30),
        new("lifecycle", "spec.lifecycle", "Lifecycle", 10),
        new("tags", "metadata.tags", "Tags", 30),
        new("namespace", "metadata.namespace", "Namespace", 10),
    ];
}

/// <summary>One facet of the catalog table.</summary>
/// <param name="Name">Its URL parameter.</param>
/// <param name="Key">The search key counted.</param>
/// <param name="Label">Heading shown.</param>
/// <param name="Max">Most values listed.</param>
public sealed record CatalogFacet(string Name, string Key, string Label, int Max);
