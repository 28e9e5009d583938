using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Web.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Web.Hosting;

/// <summary>Registers and maps the portal: server-rendered Razor components and the few JSON calls its scripts make.</summary>
public static class PortalExtensions
{
    /// <summary>Adds Razor components (static server rendering; no circuits).</summary>
    public static IServiceCollection AddGreenroomPortal(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    /// <summary>Maps the portal's pages, its static assets and its suggestion endpoint.</summary>
    public static WebApplication MapGreenroomPortal(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapGet("/api/greenroom/portal/suggest", SuggestAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>Entities whose name or title contains <paramref name="term"/>, for the quick-find box.</summary>
    internal static async Task<IResult> SuggestAsync(string? term, ICatalogStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(term) || term.Trim().Length < 2)
        {
            return Results.Json(Array.Empty<object>());
        }

        var query = new EntityQuery(null, [new EntityOrder("metadata.name", false)], FullTextFilterParser.Parse(term.Trim(), []), 8, null, null, false);
        var result = await store.QueryEntitiesAsync(query, cancellationToken);
        var suggestions = result.Items
            .Select(i => EntityView.Parse(i.Json))
            .OfType<EntityView>()
            .Select(e => new { title = e.DisplayName, entityRef = e.Ref, kind = e.Kind, path = e.Path });
        return Results.Json(suggestions);
    }
}
