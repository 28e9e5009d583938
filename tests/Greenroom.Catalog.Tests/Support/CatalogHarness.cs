using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Catalog.Tests.Support;

/// <summary>
/// The catalog engine wired as the host wires it, over a SQLite database file. Disposing and creating a new harness over
/// the same file is a restart.
/// </summary>
internal sealed class CatalogHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CatalogHarness(ServiceProvider services)
    {
        _services = services;
    }

    public ICatalogStore Store => _services.GetRequiredService<ICatalogStore>();

    public CatalogEngine Engine => _services.GetRequiredService<CatalogEngine>();

    public ICatalogOperations Operations => _services.GetRequiredService<ICatalogOperations>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<CatalogHarness> StartAsync(
        string databasePath,
        string baseDirectory,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:BaseDirectory"] = baseDirectory,
            ["Greenroom:Catalog:WatchFiles"] = "false",

            // Tests register their own temporary files and the corpus through the API.
            ["Greenroom:Reading:AllowedFileRoots:0"] = Path.GetTempPath(),
            ["Greenroom:Reading:AllowedFileRoots:1"] = Environment.GetEnvironmentVariable("GREENROOM_CORPUS") is { Length: > 0 } corpus ? corpus : Path.GetTempPath(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddGreenroomCatalog(configuration);
        services.AddSqliteCatalogStore(o => o.DatabasePath = databasePath);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<ICatalogStore>().InitializeAsync(CancellationToken.None);
        return new CatalogHarness(provider);
    }

    public async Task<LocationRecord> RegisterAsync(string type, string target)
    {
        var registration = await Operations.RegisterLocationAsync(type, target, dryRun: false, CancellationToken.None);
        return registration.Location;
    }

    public async Task<JsonObject?> EntityAsync(string entityRef)
    {
        var stored = await Store.GetEntityByRefAsync(entityRef, CancellationToken.None);
        return stored is null ? null : JsonNode.Parse(stored.Json)!.AsObject();
    }

    public async Task<JsonArray> LocationErrorsAsync(Guid locationId)
    {
        var location = await Store.GetLocationAsync(locationId, CancellationToken.None);
        return JsonNode.Parse(location!.Status.ErrorsJson)!.AsArray();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
