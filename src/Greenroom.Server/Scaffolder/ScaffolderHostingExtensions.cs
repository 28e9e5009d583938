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

                // Out of the box nothing leaves the machine, yet the golden paths work end to end: with no git settings
                // at all, GitHub remotes are pushed to bare repositories under the data directory instead. Configuring
                // any git setting replaces this default.
                if (scaffolder.LocalGitRoots.Count == 0 && scaffolder.AllowedGitRemotes.Count == 0 && scaffolder.GitRemoteRewrites.Count == 0)
                {
                    var localGit = Path.Combine(Path.GetDirectoryName(database)!, "git");
                    scaffolder.LocalGitRoots.Add(localGit);
                    scaffolder.GitRemoteRewrites.Add(new GitRemoteRewrite
                    {
                        From = "https://github.com/",
                        To = new Uri(localGit + Path.DirectorySeparatorChar).AbsoluteUri,
                    });
                }
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
