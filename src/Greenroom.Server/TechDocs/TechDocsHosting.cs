using Greenroom.Catalog.Options;
using Greenroom.Storage.Sqlite;
using Greenroom.TechDocs;
using Microsoft.Extensions.Options;

namespace Greenroom.Server.TechDocs;

/// <summary>Registers and maps TechDocs in the host.</summary>
public static class TechDocsHosting
{
    /// <summary>Adds TechDocs over the SQLite store; docs may be read over HTTP from wherever descriptors may.</summary>
    public static WebApplicationBuilder AddGreenroomTechDocsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddGreenroomTechDocs(builder.Configuration);
        builder.Services.AddSqliteTechDocsStore();
        builder.Services.AddOptions<TechDocsOptions>().PostConfigure<IOptions<ReadingOptions>>((docs, reading) =>
            docs.AllowedHosts.AddRange(reading.Value.AllowedHosts.Except(docs.AllowedHosts, StringComparer.OrdinalIgnoreCase)));
        return builder;
    }

    /// <summary>Maps Backstage's TechDocs API and Greenroom's build-status endpoints.</summary>
    public static WebApplication MapGreenroomTechDocsFeature(this WebApplication app)
    {
        app.MapTechDocsApi();
        app.MapTechDocsStatusApi();
        return app;
    }
}
