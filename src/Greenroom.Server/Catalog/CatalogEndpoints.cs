using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.Metadata;

namespace Greenroom.Server.Catalog;

/// <summary>The Backstage-compatible catalog API under <c>/api/catalog</c>.</summary>
public static class CatalogEndpoints
{
    /// <summary>Maps every catalog endpoint.</summary>
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        // Every catalog endpoint can answer a malformed request with a Backstage InputError.
        var api = app.MapGroup("/api/catalog").WithTags("Catalog")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(BackstageErrorBody), ["application/json"]));
        api.MapEntityEndpoints();
        api.MapLocationEndpoints();
        api.MapCatalogActionEndpoints();

        // Backstage answers unknown catalog paths with a NotFoundError body, not an empty 404.
        app.MapFallback("/api/catalog/{**path}", UnknownPath).ExcludeFromDescription();
        return app;
    }

    /// <summary>Any path under the catalog API that no endpoint serves.</summary>
    public static BackstageError UnknownPath(HttpRequest request) =>
        BackstageError.NotFound($"No catalog endpoint at {request.Method} {request.Path}");
}
