using Greenroom.Catalog.Options;
using Greenroom.Search;
using Greenroom.Server.Catalog;
using Greenroom.Server.GreenroomApi;
using Greenroom.Server.Health;
using Greenroom.Server.Observability;
using Greenroom.Server.Search;
using Greenroom.Server.TechDocs;
using Greenroom.Server.Scaffolder;
using Greenroom.Storage.Sqlite;
using Greenroom.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Greenroom.Server.Hosting;

/// <summary>The composition root: what the host registers and maps, one call each.</summary>
public static class GreenroomServerExtensions
{
    /// <summary>Registers the host options, the SQLite store, the catalog engine, search, the API and telemetry.</summary>
    public static WebApplicationBuilder AddGreenroomServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GreenroomOptions>().BindConfiguration(GreenroomOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GreenroomOptions>, GreenroomOptionsValidator>();

        services.AddSqliteCatalogStore(_ => { });
        services.AddOptions<SqliteStoreOptions>().Configure<IConfiguration, IHostEnvironment>((store, configuration, environment) =>
        {
            // Read unvalidated: a bad DataDirectory is reported by GreenroomOptions' own check, together with every
            // other configuration problem, before the store is ever opened.
            var greenroom = configuration.GetSection(GreenroomOptions.SectionName).Get<GreenroomOptions>() ?? new GreenroomOptions();
            // Tuning (page caches, pooled readers, bulk stitching) from Greenroom:Sqlite; the file always follows DataDirectory.
            configuration.GetSection("Greenroom:Sqlite").Bind(store);
            store.DatabasePath = greenroom.TryGetDatabasePath(environment.ContentRootPath) ?? "greenroom.db";
        });

        services.AddGreenroomCatalog(builder.Configuration);

        // The demo organisation ships next to the binary; configuration may point elsewhere.
        services.PostConfigure<CatalogOptions>(catalog =>
            catalog.DemoCatalogPath ??= Path.Combine(AppContext.BaseDirectory, "DemoCatalog", "all.yaml"));

        // Search follows the catalog through its change feed and reads it through the plugin SDK; its index lives
        // beside the database unless configured elsewhere.
        services.AddGreenroomSearch(builder.Configuration);
        services.AddOptions<SearchOptions>().Configure<IConfiguration, IHostEnvironment>((search, configuration, environment) =>
        {
            var greenroom = configuration.GetSection(GreenroomOptions.SectionName).Get<GreenroomOptions>() ?? new GreenroomOptions();
            search.IndexPath = greenroom.ResolveIndexPath(search.IndexPath, environment.ContentRootPath);
        });

        builder.AddGreenroomTechDocsFeature();
        builder.AddGreenroomScaffolder();
        builder.AddGreenroomApi();
        builder.AddGreenroomTelemetry();
        services.AddGreenroomPortal();

        // The portal's assets live in its project until the app is published; the build's manifest says where.
        // Without this only the Development environment finds them (a no-op for a published app).
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Maps every endpoint: the catalog API, search, Greenroom's additions, health, metrics, the API reference and the portal.</summary>
    public static WebApplication MapGreenroomServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapCatalogApi();
        app.MapScaffolderApi();
        app.MapGreenroomApi();
        app.MapSearchApi();
        app.MapGreenroomTechDocsFeature();
        app.MapHealthEndpoints();
        app.MapGreenroomTelemetry();
        app.MapGreenroomApiReference();
        app.MapGreenroomPortal();
        return app;
    }

    /// <summary>
    /// Runs the host; a configuration error ends it with exit code 1 and one readable line per problem (logged as
    /// critical) instead of an unhandled-exception stack trace.
    /// </summary>
    public static int RunGreenroom(this WebApplication app)
    {
        // Taken before Run: a host that fails to start disposes its services on the way out.
        var logger = app.Logger;
        try
        {
            // Validating before Run reports every configuration problem at once, without a start-up stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            return 0;
        }
        catch (Exception e) when (ConfigurationFailures(e) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                logger.LogCritical("Greenroom cannot start, the configuration is invalid: {Problem}", failure);
            }

            return 1;
        }
    }

    // One invalid options class throws OptionsValidationException; several throw them inside an AggregateException.
    private static List<string> ConfigurationFailures(Exception exception) => exception switch
    {
        OptionsValidationException e => [.. e.Failures],
        AggregateException e when e.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };
}
