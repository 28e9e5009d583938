using System.Text.Json.Nodes;
using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Tests.Support;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests;

/// <summary>The operations the API calls, over a real SQLite store.</summary>
public sealed class CatalogEngineTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly LoopbackServer _server = new();
    private CatalogHarness _catalog = null!;

    private string DatabasePath => Path.Combine(_folder.Path, "catalog.db");

    private string Repo => Path.Combine(_folder.Path, "repo");

    private Dictionary<string, string?> Settings => new() { ["Greenroom:Reading:AllowedHosts:0"] = _server.Authority };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Repo);
        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, Settings);
    }

    private string Write(string relative, string content) => _folder.Write(Path.Combine("repo", relative), content);

    [Fact]
    public async Task Ingests_a_url_location_with_nested_relative_targets_and_placeholders()
    {
        _server.Text("org/catalog-info.yaml", Documents(Location("org", "./apps/a.yaml"), Group("team-a")));
        _server.Text("org/apps/a.yaml", Component("a", extra: "  description:\n    $text: ./readme.txt"));
        _server.Text("org/apps/readme.txt", "hello");

        var registration = await _catalog.Operations.RegisterLocationAsync("url", _server.Url("org/catalog-info.yaml"), false, CancellationToken.None);

        Assert.Equal(3, registration.Entities.Count);
        var component = await _catalog.EntityAsync("component:default/a");
        Assert.Equal("hello", (string?)component!["spec"]!["description"]);
        Assert.Equal($"url:{_server.Url("org/apps/a.yaml")}", (string?)component["metadata"]!["annotations"]!["backstage.io/managed-by-location"]);
        Assert.Equal($"url:{_server.Url("org/catalog-info.yaml")}", (string?)component["metadata"]!["annotations"]!["backstage.io/managed-by-origin-location"]);
    }

    [Fact]
    public async Task Refuses_a_url_location_on_a_host_that_is_not_allowed()
    {
        var exception = await Assert.ThrowsAsync<CatalogInputException>(
            () => _catalog.Operations.RegisterLocationAsync("url", "https://example.com/catalog-info.yaml", false, CancellationToken.None));

        Assert.Equal("NotAllowedError", exception.Name);
        Assert.Empty(await _catalog.Store.ListLocationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_api_file_locations_outside_the_allowed_roots_so_callers_cannot_read_the_servers_disk()
    {
        var allowed = Path.Combine(_folder.Path, "allowed");
        await using var restricted = await CatalogHarness.StartAsync(Path.Combine(_folder.Path, "restricted.db"), Repo, new Dictionary<string, string?>
        {
            ["Greenroom:Reading:AllowedFileRoots:0"] = allowed,
            ["Greenroom:Reading:AllowedFileRoots:1"] = allowed,
        });
        var outside = Write("catalog-info.yaml", Component("outside"));
        _folder.Write("allowed/catalog-info.yaml", Component("inside"));

        var refused = await Assert.ThrowsAsync<CatalogInputException>(
            () => restricted.Operations.RegisterLocationAsync("file", outside, false, CancellationToken.None));
        var refusedAnalysis = await Assert.ThrowsAsync<CatalogInputException>(
            () => restricted.Operations.AnalyzeLocationAsync("file", "../allowed/../repo/catalog-info.yaml", CancellationToken.None));
        var inside = await restricted.Operations.RegisterLocationAsync("file", Path.Combine(allowed, "catalog-info.yaml"), false, CancellationToken.None);

        Assert.Equal("NotAllowedError", refused.Name);
        Assert.Contains("AllowedFileRoots", refused.Message, StringComparison.Ordinal);
        Assert.Equal("NotAllowedError", refusedAnalysis.Name);
        Assert.Equal("inside", (string?)Assert.Single(inside.Entities)["metadata"]!["name"]);
        Assert.Single(await restricted.Store.ListLocationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_a_malformed_location_and_a_duplicate_one()
    {
        await Assert.ThrowsAsync<CatalogInputException>(() => _catalog.Operations.RegisterLocationAsync("git", "x", false, CancellationToken.None));
        Write("catalog-info.yaml", Component("a"));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");

        await Assert.ThrowsAsync<LocationConflictException>(() => _catalog.Operations.RegisterLocationAsync("file", "catalog-info.yaml", false, CancellationToken.None));
        var dryRun = await _catalog.Operations.RegisterLocationAsync("file", "catalog-info.yaml", true, CancellationToken.None);
        Assert.True(dryRun.Exists);
    }

    [Fact]
    public async Task A_dry_run_reads_and_processes_without_storing()
    {
        Write("catalog-info.yaml", Documents(Component("a"), Group("team-a")));

        var registration = await _catalog.Operations.RegisterLocationAsync("file", "catalog-info.yaml", true, CancellationToken.None);

        Assert.False(registration.Exists);
        Assert.Equal(2, registration.Entities.Count);
        Assert.NotNull(registration.Entities[0]["metadata"]!["annotations"]!["backstage.io/managed-by-location"]);
        Assert.Empty(await _catalog.Store.ListLocationsAsync(CancellationToken.None));
        Assert.Null(await _catalog.EntityAsync("component:default/a"));
    }

    [Fact]
    public async Task Everything_survives_a_restart()
    {
        Write("catalog-info.yaml", Documents(Component("a"), Group("team-a")));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");
        var before = await _catalog.EntityAsync("component:default/a");
        await _catalog.DisposeAsync();

        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, Settings);

        var after = await _catalog.EntityAsync("component:default/a");
        Assert.Equal(before!.ToJsonString(), after!.ToJsonString());
        Assert.Single(await _catalog.Store.ListLocationsAsync(CancellationToken.None));
        var report = await _catalog.Engine.IngestExclusiveAsync((await _catalog.Store.ListLocationsAsync(CancellationToken.None))[0], CancellationToken.None);
        Assert.Equal(2, report.Outcome.Unchanged);
    }

    [Fact]
    public async Task A_crash_between_ingestion_and_stitching_is_finished_on_restart()
    {
        Write("catalog-info.yaml", Documents(Component("a", owner: "team-a"), Group("team-a")));
        var location = await _catalog.Store.AddLocationAsync(new LocationSpec("file", "catalog-info.yaml", LocationOrigin.Api), CancellationToken.None);

        // Ingest without stitching, then "crash".
        await _catalog.Get<LocationIngestor>().IngestAsync(location, CancellationToken.None);
        Assert.Null(await _catalog.EntityAsync("component:default/a"));
        await _catalog.DisposeAsync();

        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, Settings);
        var stitched = await _catalog.Engine.StitchPendingAsync(CancellationToken.None);

        Assert.True(stitched >= 2);
        var group = await _catalog.EntityAsync("group:default/team-a");
        Assert.Contains(group!["relations"]!.AsArray(), r => (string?)r!["type"] == "ownerOf" && (string?)r["targetRef"] == "component:default/a");
        Assert.Empty(await _catalog.Store.GetStitchQueueAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Refreshes_the_location_of_one_entity()
    {
        Write("catalog-info.yaml", Component("a", owner: "team-a"));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");
        Write("catalog-info.yaml", Component("a", owner: "team-b"));

        Assert.True(await _catalog.Operations.RefreshEntityAsync("Component:default/A", CancellationToken.None));

        Assert.Equal("team-b", (string?)(await _catalog.EntityAsync("component:default/a"))!["spec"]!["owner"]);
        Assert.False(await _catalog.Operations.RefreshEntityAsync("component:default/none", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_entity_removes_it_until_its_location_produces_it_again()
    {
        Write("catalog-info.yaml", Component("a"));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");
        var uid = (string)(await _catalog.EntityAsync("component:default/a"))!["metadata"]!["uid"]!;

        Assert.True(await _catalog.Operations.DeleteEntityAsync(uid, CancellationToken.None));
        Assert.Null(await _catalog.EntityAsync("component:default/a"));
        Assert.False(await _catalog.Operations.DeleteEntityAsync(uid, CancellationToken.None));

        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);
        Assert.NotNull(await _catalog.EntityAsync("component:default/a"));
    }

    [Fact]
    public void Validates_an_entity_and_its_location_string()
    {
        var valid = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"a"},"spec":{"type":"service","lifecycle":"production","owner":"t"}}""")!.AsObject();
        var invalid = JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"not valid!"},"spec":{"type":"service","lifecycle":"production","owner":"t"}}""")!.AsObject();

        Assert.Empty(_catalog.Operations.ValidateEntity(valid, "url:https://example.com/catalog-info.yaml"));
        Assert.Contains(_catalog.Operations.ValidateEntity(invalid, "url:https://example.com/x.yaml"), p => p.Field == "metadata.name");
        Assert.Contains(_catalog.Operations.ValidateEntity(valid, "nonsense"), p => p.Field == "location");
    }

    [Fact]
    public async Task Analyzes_a_location_without_storing_it()
    {
        Write("catalog-info.yaml", Documents(Location("root", "./apps/a.yaml"), Group("team-a")));
        Write("apps/a.yaml", Component("a"));

        var analysis = await _catalog.Operations.AnalyzeLocationAsync("file", "catalog-info.yaml", CancellationToken.None);

        Assert.Equal(2, analysis.ExistingEntityFiles.Count);
        Assert.All(analysis.ExistingEntityFiles, f => Assert.False(f.IsRegistered));
        Assert.Contains(analysis.ExistingEntityFiles, f => f.Target.EndsWith("a.yaml", StringComparison.Ordinal) && f.Entities.Count == 1);
        Assert.Empty(analysis.Problems);
        Assert.Empty(await _catalog.Store.ListLocationsAsync(CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}
