using Greenroom.Catalog.Options;
using Greenroom.Scaffolder;
using Greenroom.Server.Hosting;
using Greenroom.Storage.Sqlite;

namespace Greenroom.Server.Scaffolder;

/// <summary>Wires the scaffolder into the host: the feature, its SQLite task store and its work folder.</summary>
public static class ScaffolderHostingExtensions
{
    /// <summary>Adds the scaffolder with tasks in the SQLite database and workspaces under the data directory.</summary>
    public static WebApplicationBuilder AddGreenroomScaffolder(this WebApplicationBuilder builder)
    {
        builder.Services.AddGreenroomScaffolder(builder.Configuration);
        builder.Services.AddSqliteScaffolderTaskStore();
        builder.Services.AddOptions<ScaffolderOptions>().PostConfigure<IConfiguration, IHostEnvironment>((scaffolder, configuration, environment) =>
        {
            // Per server, under its data directory: start-up sweeps leftovers there without touching another server's.
            var greenroom = configuration.GetSection(GreenroomOptions.SectionName).Get<GreenroomOptions>() ?? new GreenroomOptions();
            if (greenroom.TryGetDatabasePath(environment.ContentRootPath) is { } database)
            {
                scaffolder.WorkDirectory ??= Path.Combine(Path.GetDirectoryName(database)!, "scaffolder-work");
                scaffolder.CheckoutDirectory ??= Path.Combine(Path.GetDirectoryName(database)!, "scaffolder-checkouts");
            }
        });

        // catalog:register checks local repositories out there; the catalog must be allowed to read what it registers.
        builder.Services.AddOptions<ReadingOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<ScaffolderOptions>>((reading, scaffolder) =>
        {
            if (scaffolder.Value.CheckoutDirectory is { } checkouts && !reading.AllowedFileRoots.Contains(checkouts))
            {
                reading.AllowedFileRoots.Add(checkouts);
            }
        });
        return builder;
    }
}
