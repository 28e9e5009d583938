using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>
/// The real server (SQLite store, catalog engine, API) in memory, on a temporary data directory, with the fixture
/// catalog configured as its one location. Extra settings can be layered on for a test.
/// </summary>
public sealed class GreenroomAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public GreenroomAppFactory(FixtureCatalog catalog, IReadOnlyDictionary<string, string?>? settings = null, bool withFixtureLocation = true)
    {
        Catalog = catalog;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Greenroom:DataDirectory"] = catalog.DataDirectory,

            // Tests trigger refreshes themselves, so that they observe exactly one pass.
            ["Greenroom:Catalog:WatchFiles"] = "false",
            ["Greenroom:Catalog:RefreshInterval"] = "01:00:00",

            // Tests register their own temporary files and the corpus through the API.
            ["Greenroom:Reading:AllowedFileRoots:0"] = Path.GetTempPath(),
            ["Greenroom:Reading:AllowedFileRoots:1"] = Environment.GetEnvironmentVariable("GREENROOM_CORPUS") is { Length: > 0 } corpus ? corpus : Path.GetTempPath(),
        };
        if (withFixtureLocation)
        {
            _settings["Greenroom:Catalog:Locations:0:Type"] = "file";
            _settings["Greenroom:Catalog:Locations:0:Target"] = catalog.AllYamlPath;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FixtureCatalog Catalog { get; }

    /// <summary>Everything the host logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>A client whose first call waits until the start-up ingestion has finished.</summary>
    public async Task<HttpClient> CreateIdleClientAsync()
    {
        var client = CreateClient();
        await WaitForIdleAsync(client);
        return client;
    }

    /// <summary>Polls <c>/healthz</c> until the first pass is done and nothing waits to be stitched.</summary>
    public static async Task<JsonObject> WaitForIdleAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var health = (await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))!;
                if (health["ingestion"]?["idle"]?.GetValue<bool>() == true)
                {
                    return health;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
