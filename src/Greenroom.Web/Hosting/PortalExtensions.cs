using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Web.Hosting;

/// <summary>Registers and maps the portal: server-rendered Razor components and their static assets.</summary>
public static class PortalExtensions
{
    /// <summary>Adds Razor components (static server rendering; no circuits).</summary>
    public static IServiceCollection AddGreenroomPortal(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    /// <summary>Maps the portal's pages and its static assets.</summary>
    public static WebApplication MapGreenroomPortal(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
