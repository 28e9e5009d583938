using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Tests.Support;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests.Ingestion;

/// <summary>Location passes end to end over a real SQLite store.</summary>
public sealed class LocationIngestionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CatalogHarness _catalog = null!;

    private string DatabasePath => Path.Combine(_folder.Path, "catalog.db");

    private string Repo => Path.Combine(_folder.Path, "repo");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Repo);
        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo);
    }

    private string Write(string relative, string content) => _folder.Write(Path.Combine("repo", relative), content);

    private async Task<JsonArray> ErrorsAsync(LocationRecord location) => await _catalog.LocationErrorsAsync(location.Id);

    [Fact]
    public async Task Keeps_the_valid_siblings_of_an_invalid_entity_and_reports_it_with_its_position()
    {
        var invalid = await File.ReadAllTextAsync(Path.Combine(Corpus.Examples, "components", "invalid-component.yaml"));
        Write("catalog-info.yaml", Documents(Component("good-one"), invalid, Component("good-two")));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.NotNull(await _catalog.EntityAsync("component:default/good-one"));
        Assert.NotNull(await _catalog.EntityAsync("component:default/good-two"));
        Assert.Null(await _catalog.EntityAsync("component:default/invalid component"));
        // Its name and one of its tags break the naming rules: both are reported, each where it is written.
        var errors = await ErrorsAsync(location);
        var name = Assert.Single(errors, e => (string?)e!["field"] == "metadata.name")!;
        Assert.EndsWith("catalog-info.yaml", (string?)name["file"], StringComparison.Ordinal);
        Assert.Equal(13, (int?)name["line"]);
        Assert.Contains(errors, e => ((string?)e!["field"])!.StartsWith("metadata.tags", StringComparison.Ordinal));
        var stored = await _catalog.Store.GetLocationAsync(location.Id, CancellationToken.None);
        Assert.Equal("warning", stored!.Status.State);
        Assert.Equal(2, stored.Status.EntityCount);
    }

    [Fact]
    public async Task Orphans_entity_when_location_stops_producing_it_and_adopts_it_back()
    {
        Write("catalog-info.yaml", Documents(Component("a"), Component("b")));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Write("catalog-info.yaml", Component("a"));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var orphan = await _catalog.EntityAsync("component:default/b");
        Assert.Equal("true", (string?)orphan!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        Assert.Null((await _catalog.EntityAsync("component:default/a"))!["metadata"]!["annotations"]!["backstage.io/orphan"]);

        Write("catalog-info.yaml", Documents(Component("a"), Component("b")));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var back = await _catalog.EntityAsync("component:default/b");
        Assert.Null(back!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        Assert.Equal((string?)orphan["metadata"]!["uid"], (string?)back["metadata"]!["uid"]);
        var history = await _catalog.Store.GetHistoryAsync((string)back["metadata"]!["uid"]!, CancellationToken.None);
        Assert.Equal(["updated", "orphaned", "created"], history.Select(h => h.Change));
    }

    [Fact]
    public async Task Deletes_orphans_when_the_strategy_says_so()
    {
        await _catalog.DisposeAsync();
        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, new Dictionary<string, string?> { ["Greenroom:Catalog:OrphanStrategy"] = "delete" });
        Write("catalog-info.yaml", Documents(Component("a"), Component("b")));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Write("catalog-info.yaml", Component("a"));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        Assert.Null(await _catalog.EntityAsync("component:default/b"));
        Assert.NotNull(await _catalog.EntityAsync("component:default/a"));
    }

    [Fact]
    public async Task Picks_up_edits_and_records_what_changed()
    {
        Write("catalog-info.yaml", Component("a", owner: "team-a"));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");
        var before = await _catalog.EntityAsync("component:default/a");

        Write("catalog-info.yaml", Component("a", owner: "team-b"));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var after = await _catalog.EntityAsync("component:default/a");
        Assert.Equal("team-b", (string?)after!["spec"]!["owner"]);
        Assert.Contains(after["relations"]!.AsArray(), r => (string?)r!["targetRef"] == "group:default/team-b");
        Assert.DoesNotContain(after["relations"]!.AsArray(), r => (string?)r!["targetRef"] == "group:default/team-a");
        Assert.NotEqual((string?)before!["metadata"]!["etag"], (string?)after["metadata"]!["etag"]);
        var latest = (await _catalog.Store.GetHistoryAsync((string)after["metadata"]!["uid"]!, CancellationToken.None))[0];
        Assert.Equal("updated", latest.Change);
        Assert.Contains(JsonNode.Parse(latest.DiffJson)!.AsArray(), c => (string?)c!["path"] == "spec.owner" && (string?)c["new"] == "team-b");
    }

    [Fact]
    public async Task Leaves_unchanged_entities_untouched()
    {
        Write("catalog-info.yaml", Documents(Component("a"), Component("b")));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");
        var before = await _catalog.EntityAsync("component:default/a");

        var report = await _catalog.Engine.IngestExclusiveAsync(
            (await _catalog.Store.ListLocationsAsync(CancellationToken.None))[0], CancellationToken.None);

        Assert.Equal(2, report.Outcome.Unchanged);
        Assert.Empty(report.Outcome.Updated);
        Assert.Equal((string?)before!["metadata"]!["etag"], (string?)(await _catalog.EntityAsync("component:default/a"))!["metadata"]!["etag"]);
    }

    [Fact]
    public async Task A_stored_entity_that_turns_invalid_keeps_its_last_good_form_and_shows_the_error()
    {
        Write("catalog-info.yaml", Component("a"));
        await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Write("catalog-info.yaml", Component("a", owner: "team-a", extra: "  system: [not, a, ref]"));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var entity = await _catalog.EntityAsync("component:default/a");
        Assert.Null(entity!["spec"]!["system"]);
        var item = Assert.Single(entity["status"]!["items"]!.AsArray())!;
        Assert.Equal("backstage.io/catalog-processing", (string?)item["type"]);
        Assert.Contains("spec.system", (string?)item["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_of_two_locations_keeps_a_conflicting_entity()
    {
        Write("one/catalog-info.yaml", Component("shared", owner: "team-one"));
        Write("two/catalog-info.yaml", Documents(Component("Shared", owner: "team-two"), Component("own")));

        var first = await _catalog.RegisterAsync("file", "one/catalog-info.yaml");
        var second = await _catalog.RegisterAsync("file", "two/catalog-info.yaml");

        Assert.Equal("team-one", (string?)(await _catalog.EntityAsync("component:default/shared"))!["spec"]!["owner"]);
        Assert.NotNull(await _catalog.EntityAsync("component:default/own"));
        Assert.Empty(await ErrorsAsync(first));
        var conflict = Assert.Single(await ErrorsAsync(second))!;
        Assert.Equal("ConflictError", (string?)conflict["name"]);
        Assert.Contains("component:default/shared is already provided by location file:one/catalog-info.yaml", (string?)conflict["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_definition_of_a_ref_within_a_location_wins()
    {
        Write("catalog-info.yaml", Documents(Component("dup", owner: "first"), Component("DUP", owner: "second")));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.Equal("first", (string?)(await _catalog.EntityAsync("component:default/dup"))!["spec"]!["owner"]);
        Assert.Contains("defined more than once", (string?)Assert.Single(await ErrorsAsync(location))!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follows_nested_locations_and_detects_cycles()
    {
        Write("catalog-info.yaml", Documents(Location("root", "./teams/a.yaml"), Component("top")));
        Write("teams/a.yaml", Documents(Location("a", "./b.yaml"), Component("in-a")));
        Write("teams/b.yaml", Documents(Location("b", "./a.yaml"), Component("in-b")));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.NotNull(await _catalog.EntityAsync("component:default/in-a"));
        Assert.NotNull(await _catalog.EntityAsync("component:default/in-b"));
        Assert.NotNull(await _catalog.EntityAsync("location:default/b"));
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.Contains("Location cycle", (string?)error["message"], StringComparison.Ordinal);
        Assert.EndsWith("b.yaml", (string?)error["file"], StringComparison.Ordinal);
        Assert.Equal("spec.targets[0]", (string?)error["field"]);
    }

    [Fact]
    public async Task Refuses_location_targets_and_placeholders_outside_the_root()
    {
        _folder.Write("secret.yaml", Component("secret"));
        Write("catalog-info.yaml", Documents(
            Location("escape", "../secret.yaml"),
            Component("leaky", extra: "  description:\n    $text: ../../etc/passwd"),
            Component("fine")));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.Null(await _catalog.EntityAsync("component:default/secret"));
        Assert.Null(await _catalog.EntityAsync("component:default/leaky"));
        Assert.NotNull(await _catalog.EntityAsync("component:default/fine"));
        var errors = await ErrorsAsync(location);
        Assert.Contains(errors, e => (string?)e!["field"] == "spec.targets[0]" && (string?)e["name"] == "NotAllowedError");
        Assert.Contains(errors, e => (string?)e!["field"] == "spec.description" && ((string?)e["message"])!.Contains("outside the location's root folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_yaml_bomb_fails_fast_without_hurting_other_files()
    {
        const string bomb = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;
        Write("bomb.yaml", bomb);
        Write("good.yaml", Component("good"));

        var location = await _catalog.RegisterAsync("file", "*.yaml");

        Assert.NotNull(await _catalog.EntityAsync("component:default/good"));
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.EndsWith("bomb.yaml", (string?)error["file"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_and_its_entities_kept()
    {
        Write("catalog-info.yaml", Component("a"));
        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        await using (var stream = File.Open(Path.Combine(Repo, "catalog-info.yaml"), FileMode.Open))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var entity = await _catalog.EntityAsync("component:default/a");
        Assert.Null(entity!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.Contains("larger than the limit of 1048576 bytes", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("failed", (await _catalog.Store.GetLocationAsync(location.Id, CancellationToken.None))!.Status.State);
    }

    [Fact]
    public async Task A_missing_root_file_fails_the_location()
    {
        var location = await _catalog.RegisterAsync("file", "nowhere.yaml");

        var stored = await _catalog.Store.GetLocationAsync(location.Id, CancellationToken.None);
        Assert.Equal("failed", stored!.Status.State);
        Assert.Equal("NotFoundError", (string?)Assert.Single(await ErrorsAsync(location))!["name"]);
    }

    [Fact]
    public async Task Unregistering_a_location_removes_its_entities_and_their_relations()
    {
        Write("team/catalog-info.yaml", Group("team-a"));
        Write("app/catalog-info.yaml", Component("a", owner: "team-a"));
        await _catalog.RegisterAsync("file", "team/catalog-info.yaml");
        var app = await _catalog.RegisterAsync("file", "app/catalog-info.yaml");
        Assert.Contains((await _catalog.EntityAsync("group:default/team-a"))!["relations"]!.AsArray(), r => (string?)r!["type"] == "ownerOf");

        Assert.True(await _catalog.Operations.UnregisterLocationAsync(app.Id, CancellationToken.None));

        Assert.Null(await _catalog.EntityAsync("component:default/a"));
        Assert.Empty((await _catalog.EntityAsync("group:default/team-a"))!["relations"]!.AsArray());
        Assert.False(await _catalog.Operations.UnregisterLocationAsync(app.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_no_longer_parses_keeps_its_entities_instead_of_orphaning_them()
    {
        Write("a.yaml", Component("a"));
        Write("b.yaml", Component("b"));
        var location = await _catalog.RegisterAsync("file", "*.yaml");

        Write("b.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: [unclosed\n");
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        Assert.Null((await _catalog.EntityAsync("component:default/b"))!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.EndsWith("b.yaml", (string?)error["file"], StringComparison.Ordinal);
        Assert.True((int?)error["line"] >= 1);
    }

    [Fact]
    public async Task Stops_following_locations_nested_deeper_than_the_limit()
    {
        await _catalog.DisposeAsync();
        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, new Dictionary<string, string?> { ["Greenroom:Reading:MaxLocationDepth"] = "1" });
        Write("catalog-info.yaml", Location("l0", "./one.yaml"));
        Write("one.yaml", Documents(Location("l1", "./two.yaml"), Component("one")));
        Write("two.yaml", Component("two"));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.NotNull(await _catalog.EntityAsync("component:default/one"));
        Assert.Null(await _catalog.EntityAsync("component:default/two"));
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.Contains("Greenroom:Reading:MaxLocationDepth", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_url_target_on_a_host_not_allowed_is_reported_where_it_is_named()
    {
        Write("catalog-info.yaml", Documents(
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: remote\nspec:\n  type: url\n  target: https://example.com/catalog-info.yaml\n",
            Component("local")));

        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.NotNull(await _catalog.EntityAsync("component:default/local"));
        var error = Assert.Single(await ErrorsAsync(location))!;
        Assert.Equal(("NotAllowedError", "spec.target", 7), ((string?)error["name"], (string?)error["field"], (int?)error["line"]));
    }

    [Fact]
    public async Task Accepts_custom_kinds_only_when_a_rule_allows_them()
    {
        const string widget = """
            apiVersion: acme.io/v1
            kind: Widget
            metadata:
              name: w
            spec: {}
            """;
        Write("catalog-info.yaml", widget);
        var refused = await _catalog.RegisterAsync("file", "catalog-info.yaml");
        Assert.Null(await _catalog.EntityAsync("widget:default/w"));
        Assert.Equal("kind", (string?)Assert.Single(await ErrorsAsync(refused))!["field"]);
        await _catalog.DisposeAsync();

        _catalog = await CatalogHarness.StartAsync(Path.Combine(_folder.Path, "rules.db"), Repo, new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:Rules:0:Allow:0"] = "Widget",
            ["Greenroom:Catalog:Rules:0:ApiVersions:0"] = "acme.io/v1",
        });
        await _catalog.RegisterAsync("file", "catalog-info.yaml");

        Assert.NotNull(await _catalog.EntityAsync("widget:default/w"));
    }

    [Fact]
    public async Task Refreshes_one_location_by_id_and_leaves_the_others_as_they_were()
    {
        Write("one.yaml", Component("first"));
        Write("two.yaml", Component("second"));
        var one = await _catalog.RegisterAsync("file", "one.yaml");
        await _catalog.RegisterAsync("file", "two.yaml");
        Write("one.yaml", Component("first", owner: "team-b"));
        Write("two.yaml", Component("second", owner: "team-b"));

        Assert.True(await _catalog.Operations.RefreshLocationAsync(one.Id, CancellationToken.None));

        Assert.Equal("team-b", (string?)(await _catalog.EntityAsync("component:default/first"))!["spec"]!["owner"]);
        Assert.Equal("team-a", (string?)(await _catalog.EntityAsync("component:default/second"))!["spec"]!["owner"]);
        Assert.False(await _catalog.Operations.RefreshLocationAsync(Guid.NewGuid(), CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }
}
