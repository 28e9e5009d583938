using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

/// <summary>Backstage's own example catalog, registered through the API as a user would, and read back.</summary>
public sealed class CorpusApiTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        // An empty configured location: no fixture entities to collide with, and no demo catalog either.
        _factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:Locations:0:Target"] = _catalog.Write("empty.yaml", string.Empty),
        });
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Registers_the_backstage_examples_and_serves_every_entity_with_its_ancestry()
    {
        var target = Corpus.PathOf("backstage/packages/catalog-model/examples/all.yaml");

        var created = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);

        // 38 documents are reachable; the 2 AiResource entities (kind not allowed by default) and the 3 APIs whose
        // $text points at github.com (host not allowed) are refused, the rest is served.
        var entities = created["entities"]!.AsArray();
        Assert.Equal(33, entities.Count);
        var refs = entities.Select(e => $"{e!["kind"]!.GetValue<string>().ToLowerInvariant()}:{e["metadata"]!["namespace"]?.GetValue<string>() ?? "default"}/{e["metadata"]!["name"]!.GetValue<string>()}").ToList();
        var served = await _client.PostJsonAsync("/api/catalog/entities/by-refs", new { entityRefs = refs, fields = new[] { "metadata.name", "status" } });
        Assert.All(served["items"]!.AsArray(), item => Assert.NotNull(item));

        var ancestry = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/petstore/ancestry");
        Assert.Equal(
            ["component:default/petstore", "location:default/example-components", "location:default/example-all"],
            ancestry["items"]!.AsArray().Select(i => $"{i!["entity"]!["kind"]!.GetValue<string>().ToLowerInvariant()}:default/{i["entity"]!["metadata"]!["name"]!.GetValue<string>()}"));

        var location = await _client.GetJsonAsync("/api/catalog/locations/by-entity/component/default/petstore");
        Assert.Equal(created["location"]!["id"]!.GetValue<string>(), location["id"]!.GetValue<string>());

        var status = (await _client.GetJsonAsync("/api/greenroom/locations"))["items"]!.AsArray()
            .Single(l => l!["target"]!.GetValue<string>() == target)!;
        Assert.Equal("warning", status["status"]!.GetValue<string>());
        Assert.Equal(33, status["entityCount"]!.GetValue<int>());
        var errors = status["errors"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["InputError", "InputError", "NotAllowedError", "NotAllowedError", "NotAllowedError", "NotFoundError"], errors);
    }
}
