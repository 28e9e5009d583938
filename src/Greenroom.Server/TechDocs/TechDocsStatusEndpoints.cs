using Greenroom.Server.Errors;
using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.TechDocs;

/// <summary>
/// Greenroom's TechDocs additions under <c>/api/greenroom/techdocs</c>: build status and problems per entity, the
/// site's nav, a page with its table of contents (what the portal renders), and a rebuild on demand.
/// </summary>
public static class TechDocsStatusEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapTechDocsStatusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/greenroom/techdocs").WithTags("Greenroom");
        api.MapGet("/", ListDocs).WithName("ListTechDocs");
        api.MapGet("/{namespace}/{kind}/{name}", GetDocsStatus).WithName("GetTechDocsStatus");
        api.MapPost("/{namespace}/{kind}/{name}/build", BuildDocs).WithName("BuildTechDocs");
        api.MapGet("/{namespace}/{kind}/{name}/pages/{**path}", GetDocsPage).WithName("GetTechDocsPage");
        return app;
    }

    /// <summary><c>GET /api/greenroom/techdocs</c>: every documented entity with its build state and site name.</summary>
    public static async Task<Ok<DocsListResponse>> ListDocs(ITechDocsStore store, CancellationToken cancellationToken)
    {
        var sites = (await store.ListSitesAsync(cancellationToken)).ToDictionary(s => s.EntityRef, StringComparer.Ordinal);
        var items = (await store.ListStatusesAsync(cancellationToken))
            .Select(s => new DocsListItem(
                s.EntityRef,
                s.State,
                sites.GetValueOrDefault(s.EntityRef)?.SiteName,
                sites.GetValueOrDefault(s.EntityRef)?.PageCount ?? 0,
                s.Problems.Count,
                DocsUrl(s.EntityRef)))
            .ToList();
        return TypedResults.Ok(new DocsListResponse(items));
    }

    /// <summary>
    /// <c>GET /api/greenroom/techdocs/{namespace}/{kind}/{name}</c>: build state, source, times, problems (file and
    /// line) and, once built, the site's name and nav. An entity whose docs folder has no mkdocs.yml is never built;
    /// it gets a <c>failed</c> state naming the folder, as a build would record. 404 when there is nothing to say.
    /// </summary>
    public static async Task<Results<Ok<DocsStatusResponse>, BackstageError>> GetDocsStatus(
        string @namespace, string kind, string name, ITechDocsStore store, TechDocsBuilder builder, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        if (await StatusAsync(entityRef, store, cancellationToken) is { } status)
        {
            return TypedResults.Ok(status);
        }

        return await builder.DescribeUnbuiltAsync(entityRef, cancellationToken) is { } unbuilt
            ? TypedResults.Ok(new DocsStatusResponse(entityRef, unbuilt.State, unbuilt.Source, unbuilt.CheckedAt, unbuilt.BuiltAt, unbuilt.Problems, null))
            : BackstageError.NotFound($"No docs build recorded for {entityRef}");
    }

    /// <summary><c>POST .../build</c>: rebuilds the entity's docs now (even when the source is unchanged) and returns the status.</summary>
    public static async Task<Results<Ok<DocsStatusResponse>, BackstageError>> BuildDocs(
        string @namespace, string kind, string name, TechDocsBuilder builder, ITechDocsStore store, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        var outcome = await builder.BuildAsync(entityRef, force: true, cancellationToken);
        if (outcome is DocsBuildOutcome.NoDocs or DocsBuildOutcome.Removed)
        {
            return BackstageError.NotFound($"{entityRef} does not exist or has no backstage.io/techdocs-ref annotation");
        }

        return TypedResults.Ok((await StatusAsync(entityRef, store, cancellationToken))!);
    }

    /// <summary><c>GET .../pages/{path}</c>: one page's title, sanitised HTML and table of contents.</summary>
    public static async Task<Results<Ok<DocsPageResponse>, BackstageError>> GetDocsPage(
        string @namespace, string kind, string name, string? path, ITechDocsStore store, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        if (DocsPaths.NormalizeRequest(path) is not { } pagePath || await store.GetPageAsync(entityRef, pagePath, cancellationToken) is not { } page)
        {
            return BackstageError.NotFound($"No docs page '{path}' for {entityRef}");
        }

        return TypedResults.Ok(new DocsPageResponse(entityRef, page.Path, page.Title, page.SourceFile, page.Html, page.Toc));
    }

    private static async Task<DocsStatusResponse?> StatusAsync(string entityRef, ITechDocsStore store, CancellationToken cancellationToken)
    {
        var status = await store.GetStatusAsync(entityRef, cancellationToken);
        if (status is null)
        {
            return null;
        }

        var site = await store.GetSiteAsync(entityRef, cancellationToken);
        return new DocsStatusResponse(
            entityRef,
            status.State,
            status.Source,
            status.CheckedAt,
            status.BuiltAt,
            status.Problems,
            site is null ? null : new DocsSiteResponse(site.SiteName, site.SiteDescription, site.PageCount, DocsUrl(entityRef), site.Nav));
    }

    private static string DocsUrl(string entityRef) =>
        DocsEntity.ParseRef(entityRef) is var (ns, kind, name) ? new DocsEntity(entityRef, ns, kind, name, name, null, null, null).PageBaseUrl : "/docs";
}

/// <summary>Response of <c>GET /api/greenroom/techdocs</c>.</summary>
public sealed record DocsListResponse(IReadOnlyList<DocsListItem> Items);

/// <summary>One documented entity.</summary>
public sealed record DocsListItem(string EntityRef, string State, string? SiteName, int PageCount, int ProblemCount, string Url);

/// <summary>An entity's docs build status and, once built, its site.</summary>
public sealed record DocsStatusResponse(
    string EntityRef,
    string State,
    string? Source,
    DateTimeOffset CheckedAt,
    DateTimeOffset? BuiltAt,
    IReadOnlyList<DocsProblem> Problems,
    DocsSiteResponse? Site);

/// <summary>A built site's name, size, portal URL and nav.</summary>
public sealed record DocsSiteResponse(string SiteName, string? SiteDescription, int PageCount, string Url, IReadOnlyList<SiteNavItem> Nav);

/// <summary>One page for the portal.</summary>
public sealed record DocsPageResponse(string EntityRef, string Path, string Title, string SourceFile, string Html, IReadOnlyList<TocEntry> Toc);
