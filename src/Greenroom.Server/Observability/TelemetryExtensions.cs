using Greenroom.Catalog.Refresh;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Greenroom.Server.Observability;

/// <summary>Metrics: Greenroom's meters and ASP.NET Core's built-in ones, scraped by Prometheus at <c>/metrics</c>.</summary>
public static class TelemetryExtensions
{
    /// <summary>Registers OpenTelemetry metrics with the Prometheus exporter.</summary>
    public static WebApplicationBuilder AddGreenroomTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("greenroom"))
            .WithMetrics(metrics => metrics
            .AddMeter("Greenroom.*", CatalogMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics")
            .AddPrometheusExporter());
        builder.Services.AddHostedService<MemoryReport>();
        return builder;
    }

    /// <summary>Maps <c>/metrics</c>.</summary>
    public static WebApplication MapGreenroomTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint();
        StartupTiming.LogWhenStarted(app);
        return app;
    }
}
