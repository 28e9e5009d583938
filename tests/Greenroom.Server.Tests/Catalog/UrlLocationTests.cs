using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

/// <summary>A url location on an allowed host, served from loopback.</summary>
public sealed class UrlLocationTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private readonly LoopbackFileServer _server = new(new Dictionary<string, string>
    {
        ["repo/catalog-info.yaml"] = """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata:
              name: remote
            spec:
              targets: [./apis/pets.yaml]
            """,
        ["repo/apis/pets.yaml"] = """
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: remote-pets
            spec:
              type: openapi
              lifecycle: production
              owner: team-a
              definition:
                $text: ./pets.openapi.yaml
            """,
        ["repo/apis/pets.openapi.yaml"] = "openapi: 3.0.0\ninfo: { title: Remote pets, version: 1.0.0 }\npaths: {}\n",
    });

    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?> { ["Greenroom:Reading:AllowedHosts:0"] = _server.Host });
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _server.Dispose();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Registers_a_url_location_and_follows_its_location_entity_and_placeholders()
    {
        var created = await _client.PostJsonAsync(
            "/api/catalog/locations", new { type = "url", target = _server.UrlOf("repo/catalog-info.yaml") }, HttpStatusCode.Created);

        Assert.Equal(["remote", "remote-pets"], HttpJson.Names(created["entities"]!).Order(StringComparer.Ordinal));
        var api = await _client.GetJsonAsync("/api/catalog/entities/by-name/api/default/remote-pets");
        Assert.Contains("Remote pets", api["spec"]!["definition"]!.GetValue<string>(), StringComparison.Ordinal);

        var ancestry = await _client.GetJsonAsync("/api/catalog/entities/by-name/api/default/remote-pets/ancestry");
        Assert.Equal(["location:default/remote"], ancestry["items"]![0]!["parentEntityRefs"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
