using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Greenroom.Server.Tests.Process;

/// <summary>
/// The server as operators run it: a real process on loopback, killed with SIGKILL while it ingests a few thousand
/// entities, then restarted on the same data directory. The catalog must converge to exactly the full set.
/// </summary>
public sealed class KillRestartTests : IDisposable
{
    private const int Teams = 20;
    private const int Files = 40;
    private const int ComponentsPerFile = 100;
    private const int Components = Files * ComponentsPerFile;
    private const int Total = Components + Teams;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "greenroom-tests", Guid.NewGuid().ToString("N"));

    private readonly ITestOutputHelper _output;

    public KillRestartTests(ITestOutputHelper output)
    {
        _output = output;
        var catalog = Path.Combine(_root, "catalog");
        Directory.CreateDirectory(catalog);
        var org = new StringBuilder();
        for (var t = 0; t < Teams; t++)
        {
            org.Append(CultureInfo.InvariantCulture, $"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-{t}\nspec:\n  type: team\n  children: []\n---\n");
        }

        File.WriteAllText(Path.Combine(catalog, "org.yaml"), org.ToString());
        for (var f = 0; f < Files; f++)
        {
            var file = new StringBuilder();
            for (var c = 0; c < ComponentsPerFile; c++)
            {
                var n = (f * ComponentsPerFile) + c;
                file.Append(CultureInfo.InvariantCulture, $"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-{n}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-{n % Teams}\n---\n");
            }

            File.WriteAllText(Path.Combine(catalog, $"components-{f:D2}.yaml"), file.ToString());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Greenroom__DataDirectory"] = Path.Combine(_root, "data"),
        ["Greenroom__Catalog__Locations__0__Type"] = "file",
        ["Greenroom__Catalog__Locations__0__Target"] = Path.Combine(_root, "catalog", "*.yaml"),
        ["Greenroom__Catalog__WatchFiles"] = "false",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    [Fact]
    public async Task Converges_to_the_full_catalog_after_a_kill_during_ingestion()
    {
        using (var first = ServerProcess.Start(_root, Environment()))
        {
            // Kill once ingestion has visibly started (entities stored or waiting to be stitched) but not finished.
            var atKill = await first.WaitForHealthAsync(
                h => h["ingestion"]?["idle"]?.GetValue<bool>() == true
                    || h["catalog"]?["entities"]?.GetValue<int>() > 0
                    || h["ingestion"]?["stitchBacklog"]?.GetValue<int>() > 0,
                TimeSpan.FromSeconds(60));
            first.KillHard();
            _output.WriteLine($"Killed at: {atKill.ToJsonString()}");
        }

        using var second = ServerProcess.Start(_root, Environment());
        var health = await second.WaitForHealthAsync(
            h => h["ingestion"]?["idle"]?.GetValue<bool>() == true && h["catalog"]?["entities"]?.GetValue<int>() == Total,
            TimeSpan.FromSeconds(120));

        Assert.Equal(0, health["catalog"]!["orphans"]!.GetValue<int>());
        Assert.Equal(0, health["catalog"]!["entitiesWithErrors"]!.GetValue<int>());

        var components = JsonNode.Parse(await second.Client.GetStringAsync(
            new Uri("/api/catalog/entities?filter=kind=component&fields=metadata.name,spec.owner,relations", UriKind.Relative)))!.AsArray();
        Assert.Equal(Components, components.Count);
        Assert.Equal(Components, components.Select(c => c!["metadata"]!["name"]!.GetValue<string>()).Distinct().Count());
        Assert.All(components, c =>
        {
            var owner = c!["spec"]!["owner"]!.GetValue<string>();
            var relation = Assert.Single(c["relations"]!.AsArray());
            Assert.Equal("ownedBy", relation!["type"]!.GetValue<string>());
            Assert.Equal($"group:default/{owner}", relation["targetRef"]!.GetValue<string>());
        });

        var teams = JsonNode.Parse(await second.Client.GetStringAsync(
            new Uri("/api/catalog/entities?filter=kind=group&fields=metadata.name,relations", UriKind.Relative)))!.AsArray();
        Assert.Equal(Teams, teams.Count);
        Assert.All(teams, t => Assert.Equal(Components / Teams, t!["relations"]!.AsArray().Count(r => r!["type"]!.GetValue<string>() == "ownerOf")));
    }
}
