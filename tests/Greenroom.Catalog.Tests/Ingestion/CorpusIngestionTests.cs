using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Tests.Support;

namespace Greenroom.Catalog.Tests.Ingestion;

/// <summary>The Backstage example catalog, ingested as a user would point Greenroom at it.</summary>
public sealed class CorpusIngestionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CatalogHarness _catalog = null!;
    private LocationRecord _all = null!;
    private LocationRecord _org = null!;

    public async Task InitializeAsync()
    {
        var examples = Corpus.Examples;
        _catalog = await CatalogHarness.StartAsync(Path.Combine(_folder.Path, "catalog.db"), examples);
        _all = await _catalog.RegisterAsync("file", "all.yaml");
        _org = await _catalog.RegisterAsync("file", "acme/org.yaml");
    }

    [Fact]
    public async Task Stores_every_valid_example_entity()
    {
        var counts = await _catalog.Store.GetCountsAsync(CancellationToken.None);
        var all = await _catalog.Store.GetLocationAsync(_all.Id, CancellationToken.None);
        var org = await _catalog.Store.GetLocationAsync(_org.Id, CancellationToken.None);

        // all.yaml: 7 Location entities, 13 components, 6 APIs (3 others read their definition from github.com, which is
        // not an allowed host here; one target file is missing), 3 systems, 3 domains, 1 resource. The two AiResource
        // entities are not built-in kinds and no rule allows them. acme/org.yaml: 2 Locations, 9 groups, 16 users (team-a-group.yaml defines user guest twice: the first is kept).
        Assert.Equal(33, all!.Status.EntityCount);
        Assert.Equal(27, org!.Status.EntityCount);
        Assert.Equal(60, counts.Entities);
        Assert.Equal(0, counts.Orphans);
        Assert.NotNull(await _catalog.EntityAsync("component:default/petstore"));
        Assert.NotNull(await _catalog.EntityAsync("location:default/example-all"));
        Assert.NotNull(await _catalog.EntityAsync("group:default/acme-corp"));
        Assert.NotNull(await _catalog.EntityAsync("user:default/breanna.davison"));
        Assert.NotNull(await _catalog.EntityAsync("domain:default/artists"));
        Assert.NotNull(await _catalog.EntityAsync("resource:default/artists-db"));
        Assert.Null(await _catalog.EntityAsync("api:default/spotify"));
    }

    [Theory]
    [InlineData("component:default/artist-lookup", "ownedBy", "group:default/team-a")]
    [InlineData("group:default/team-a", "ownerOf", "component:default/artist-lookup")]
    [InlineData("component:default/artist-lookup", "partOf", "system:default/artist-engagement-portal")]
    [InlineData("system:default/artist-engagement-portal", "hasPart", "component:default/artist-lookup")]
    [InlineData("component:default/petstore", "providesApi", "api:default/petstore")]
    [InlineData("api:default/petstore", "apiProvidedBy", "component:default/petstore")]
    [InlineData("user:default/breanna.davison", "memberOf", "group:default/team-a")]
    [InlineData("group:default/team-a", "hasMember", "user:default/breanna.davison")]
    [InlineData("group:default/acme-corp", "parentOf", "group:default/infrastructure")]
    [InlineData("group:default/infrastructure", "childOf", "group:default/acme-corp")]
    public async Task Stitches_relations_in_both_directions(string from, string type, string to)
    {
        var entity = await _catalog.EntityAsync(from);

        var relations = entity!["relations"]!.AsArray();
        Assert.Contains(relations, r => (string?)r!["type"] == type && (string?)r["targetRef"] == to);
        Assert.All(relations, r => Assert.Equal(((string)r!["targetRef"]!).ToLowerInvariant(), (string?)r["targetRef"]));
    }

    [Fact]
    public async Task Resolves_relative_text_placeholders()
    {
        var api = await _catalog.EntityAsync("api:default/petstore-webhook");

        var definition = (string?)api!["spec"]!["definition"];
        var expected = await File.ReadAllTextAsync(Path.Combine(Corpus.Examples, "apis", "petstore-webhook.oas.yaml"));
        Assert.Equal(expected, definition);
    }

    [Fact]
    public async Task Annotates_where_each_entity_came_from()
    {
        var entity = await _catalog.EntityAsync("component:default/petstore");

        var annotations = entity!["metadata"]!["annotations"]!;
        Assert.Equal($"file:{Path.Combine(Corpus.Examples, "components", "petstore-component.yaml")}", (string?)annotations["backstage.io/managed-by-location"]);
        Assert.Equal("file:all.yaml", (string?)annotations["backstage.io/managed-by-origin-location"]);
        Assert.False(string.IsNullOrEmpty((string?)entity["metadata"]!["uid"]));
        Assert.False(string.IsNullOrEmpty((string?)entity["metadata"]!["etag"]));
    }

    [Fact]
    public async Task Reports_unreachable_targets_on_the_location_without_losing_the_rest()
    {
        var location = await _catalog.Store.GetLocationAsync(_all.Id, CancellationToken.None);
        var errors = JsonNode.Parse(location!.Status.ErrorsJson)!.AsArray();

        Assert.Equal("warning", location.Status.State);
        // all-apis.yaml names apis/swapi-graphql.yaml, which the examples do not ship.
        Assert.Contains(errors, e => ((string?)e!["message"])!.Contains("swapi-graphql.yaml", StringComparison.Ordinal)
                                     && (string?)e["field"] == "spec.targets[7]" && (int?)e["line"] > 0);
        // $text placeholders that point at github.com: not an allowed host here, so those APIs are rejected with a reason.
        Assert.Contains(errors, e => (string?)e!["name"] == "NotAllowedError" && (string?)e["field"] == "spec.definition");
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }
}
