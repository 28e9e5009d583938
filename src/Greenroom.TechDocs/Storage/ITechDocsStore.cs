using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Storage;

/// <summary>
/// Where built sites and build statuses live. A site is replaced as a whole (pages, nav and assets together); the
/// status is kept apart, so a failed rebuild records its problems while the last good site stays served.
/// </summary>
public interface ITechDocsStore
{
    /// <summary>Replaces the entity's site with <paramref name="site"/>, atomically.</summary>
    Task SaveSiteAsync(DocsSite site, CancellationToken cancellationToken);

    /// <summary>The site's metadata and nav (pages and assets not loaded), or null.</summary>
    Task<DocsSiteInfo?> GetSiteAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>One page by its directory-style path (empty for the home page), or null.</summary>
    Task<DocsPage?> GetPageAsync(string entityRef, string path, CancellationToken cancellationToken);

    /// <summary>Every page of a site, in path order (empty when there is none).</summary>
    Task<IReadOnlyList<DocsPage>> GetPagesAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>One asset by its path relative to the docs folder, or null.</summary>
    Task<DocsAsset?> GetAssetAsync(string entityRef, string path, CancellationToken cancellationToken);

    /// <summary>Every stored site's metadata, in ref order.</summary>
    Task<IReadOnlyList<DocsSiteInfo>> ListSitesAsync(CancellationToken cancellationToken);

    /// <summary>Removes the entity's site and status; true when there was something to remove.</summary>
    Task<bool> DeleteAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a build or check.</summary>
    Task SetStatusAsync(DocsBuildStatus status, CancellationToken cancellationToken);

    /// <summary>The entity's latest build status, or null when it was never built.</summary>
    Task<DocsBuildStatus?> GetStatusAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>Every build status, in ref order.</summary>
    Task<IReadOnlyList<DocsBuildStatus>> ListStatusesAsync(CancellationToken cancellationToken);
}

/// <summary>A stored site without its pages.</summary>
/// <param name="EntityRef">The documented entity.</param>
/// <param name="SiteName">mkdocs' site_name.</param>
/// <param name="SiteDescription">mkdocs' site_description.</param>
/// <param name="Nav">The sidebar.</param>
/// <param name="Source">Where it was read from.</param>
/// <param name="ContentHash">Hash of its source (also its etag).</param>
/// <param name="BuiltAt">When it was rendered.</param>
/// <param name="PageCount">How many pages it has.</param>
public sealed record DocsSiteInfo(
    string EntityRef,
    string SiteName,
    string? SiteDescription,
    IReadOnlyList<SiteNavItem> Nav,
    string Source,
    string ContentHash,
    DateTimeOffset BuiltAt,
    int PageCount);

/// <summary>The outcome of an entity's latest build or check.</summary>
/// <param name="EntityRef">The documented entity.</param>
/// <param name="State"><c>ok</c>, <c>warning</c> (built, with problems) or <c>failed</c> (not built; the last good site, if any, stays).</param>
/// <param name="Source">Where its docs are read from, when it could be resolved.</param>
/// <param name="ContentHash">Hash of the source as last read successfully.</param>
/// <param name="CheckedAt">When the source was last read.</param>
/// <param name="BuiltAt">When a site was last rendered, or null.</param>
/// <param name="Problems">What is wrong, with files and lines.</param>
public sealed record DocsBuildStatus(
    string EntityRef,
    string State,
    string? Source,
    string? ContentHash,
    DateTimeOffset CheckedAt,
    DateTimeOffset? BuiltAt,
    IReadOnlyList<DocsProblem> Problems)
{
    /// <summary>Built without problems.</summary>
    public const string Ok = "ok";

    /// <summary>Built, with problems.</summary>
    public const string Warning = "warning";

    /// <summary>Not built.</summary>
    public const string Failed = "failed";
}
