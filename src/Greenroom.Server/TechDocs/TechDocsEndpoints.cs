using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Greenroom.Plugins.Catalog;
using Greenroom.Server.Errors;
using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.TechDocs;

/// <summary>
/// Backstage's TechDocs API under <c>/api/techdocs</c>: site metadata, entity metadata, and the built site's files
/// (pages as HTML documents at mkdocs' directory-style paths, images, <c>techdocs_metadata.json</c>).
/// </summary>
public static class TechDocsEndpoints
{
    /// <summary>Maps the TechDocs endpoints.</summary>
    public static IEndpointRouteBuilder MapTechDocsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/techdocs").WithTags("TechDocs");
        api.MapGet("/metadata/techdocs/{namespace}/{kind}/{name}", GetTechDocsMetadata).WithName("GetTechDocsMetadata");
        api.MapGet("/metadata/entity/{namespace}/{kind}/{name}", GetEntityMetadata).WithName("GetTechDocsEntityMetadata");
        api.MapGet("/static/docs/{namespace}/{kind}/{name}/{**path}", GetStaticFile).WithName("GetTechDocsStaticFile");
        return app;
    }

    /// <summary><c>GET /metadata/techdocs/{namespace}/{kind}/{name}</c>: the built site's <c>techdocs_metadata.json</c>.</summary>
    public static async Task<Results<Ok<TechDocsMetadata>, BackstageError>> GetTechDocsMetadata(
        string @namespace, string kind, string name, ITechDocsStore store, TechDocsBuilder builder, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        var site = await store.GetSiteAsync(entityRef, cancellationToken);
        return site is null ? await NoSiteAsync(entityRef, builder, cancellationToken) : TypedResults.Ok(await MetadataAsync(site, store, cancellationToken));
    }

    /// <summary>
    /// <c>GET /metadata/entity/{namespace}/{kind}/{name}</c>: the entity, with <c>locationMetadata</c> saying where its
    /// docs come from (<c>{type: dir|url, target}</c>).
    /// </summary>
    public static async Task<Results<Ok<JsonObject>, BackstageError>> GetEntityMetadata(
        string @namespace, string kind, string name, ICatalogReader catalog, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        if (await catalog.GetEntityAsync(entityRef, cancellationToken) is not { } entity)
        {
            return BackstageError.NotFound($"No entity named '{entityRef}' found");
        }

        var json = JsonNode.Parse(entity.Json)!.AsObject();
        if (DocsEntity.From(entity).TechDocsRef is { } reference && reference.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            json["locationMetadata"] = new JsonObject { ["type"] = reference[..colon], ["target"] = reference[(colon + 1)..] };
        }

        return TypedResults.Ok(json);
    }

    /// <summary>
    /// <c>GET /static/docs/{namespace}/{kind}/{name}/{path}</c>: a page (<c>guide/setup/</c>, <c>guide/setup/index.html</c>)
    /// as a sanitised HTML document, an image or other asset, or <c>techdocs_metadata.json</c>.
    /// </summary>
    public static async Task<IResult> GetStaticFile(
        string @namespace, string kind, string name, string? path, ITechDocsStore store, CancellationToken cancellationToken)
    {
        var entityRef = DocsEntity.RefOf(@namespace, kind, name);
        path ??= string.Empty;
        if (path == "techdocs_metadata.json")
        {
            var site = await store.GetSiteAsync(entityRef, cancellationToken);
            return site is null ? NoSite(entityRef) : TypedResults.Json(await MetadataAsync(site, store, cancellationToken));
        }

        if (DocsPaths.Combine(string.Empty, Uri.UnescapeDataString(path)) is { Length: > 0 } assetPath
            && await store.GetAssetAsync(entityRef, assetPath, cancellationToken) is { } asset)
        {
            return new DocsFileResult(asset.Content, asset.ContentType);
        }

        if (DocsPaths.NormalizeRequest(path) is { } pagePath && await store.GetPageAsync(entityRef, pagePath, cancellationToken) is { } page)
        {
            var site = await store.GetSiteAsync(entityRef, cancellationToken);
            return new DocsFileResult(DocsPageDocument.Render(site?.SiteName ?? name, page), "text/html; charset=utf-8");
        }

        return BackstageError.NotFound($"No docs file '{path}' for {entityRef}");
    }

    private static async Task<TechDocsMetadata> MetadataAsync(DocsSiteInfo site, ITechDocsStore store, CancellationToken cancellationToken)
    {
        var pages = await store.GetPagesAsync(site.EntityRef, cancellationToken);
        return new TechDocsMetadata(
            site.SiteName,
            site.SiteDescription,
            site.ContentHash,
            site.BuiltAt.ToUnixTimeMilliseconds(),
            [.. pages.Select(p => p.Path + "index.html")]);
    }

    private static BackstageError NoSite(string entityRef) =>
        BackstageError.NotFound($"No docs have been built for {entityRef}");

    // Says why when the reason is a docs folder without mkdocs.yml, which is never built.
    private static async Task<BackstageError> NoSiteAsync(string entityRef, TechDocsBuilder builder, CancellationToken cancellationToken) =>
        await builder.DescribeUnbuiltAsync(entityRef, cancellationToken) is { Problems: [var problem, ..] }
            ? BackstageError.NotFound($"No docs have been built for {entityRef}: {problem.Message}")
            : NoSite(entityRef);
}

/// <summary>Backstage's <c>techdocs_metadata.json</c>.</summary>
/// <param name="SiteName">mkdocs' site_name.</param>
/// <param name="SiteDescription">mkdocs' site_description.</param>
/// <param name="Etag">Changes whenever the site's source changes.</param>
/// <param name="BuildTimestamp">When the site was built, in Unix milliseconds.</param>
/// <param name="Files">The site's pages, as files of the static site.</param>
public sealed record TechDocsMetadata(
    [property: JsonPropertyName("site_name")] string SiteName,
    [property: JsonPropertyName("site_description")] string? SiteDescription,
    [property: JsonPropertyName("etag")] string Etag,
    [property: JsonPropertyName("build_timestamp")] long BuildTimestamp,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);
