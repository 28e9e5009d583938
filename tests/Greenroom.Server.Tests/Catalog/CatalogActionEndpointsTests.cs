using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

public sealed class CatalogActionEndpointsTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static object Component(string name) => new
    {
        apiVersion = "backstage.io/v1alpha1",
        kind = "Component",
        metadata = new { name },
        spec = new { type = "service", lifecycle = "production", owner = "team-a" },
    };

    [Fact]
    public async Task A_valid_entity_validates()
    {
        var response = await _client.PostAsync(
            new Uri("/api/catalog/validate-entity", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { location = "url:https://example.com/catalog-info.yaml", entity = Component("fine") }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_entity_gets_its_errors_naming_the_field()
    {
        var result = await _client.PostJsonAsync(
            "/api/catalog/validate-entity",
            new { location = "url:https://example.com/catalog-info.yaml", entity = Component("not a valid name!") },
            HttpStatusCode.BadRequest);

        var error = Assert.Single(result["errors"]!.AsArray());
        Assert.False(string.IsNullOrEmpty(error!["name"]!.GetValue<string>()));
        Assert.Contains("metadata.name", error["field"]?.GetValue<string>() + error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_entity_without_a_location_is_an_input_error()
    {
        var result = await _client.PostJsonAsync("/api/catalog/validate-entity", new { entity = Component("x") }, HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "POST", "/api/catalog/validate-entity");
    }

    [Fact]
    public async Task Analyze_location_lists_the_entities_found_and_whether_they_are_registered()
    {
        var registered = await _client.PostJsonAsync(
            "/api/catalog/analyze-location", new { location = new { type = "file", target = fixture.Catalog.PathOf("components.yaml") } });

        var existing = registered["existingEntityFiles"]!.AsArray();
        Assert.Equal(5, existing.Count);
        Assert.Contains(existing, e => e!["entity"]!["metadata"]!["name"]!.GetValue<string>() == "petstore");
        Assert.All(existing, e => Assert.Equal(fixture.Catalog.PathOf("components.yaml"), e!["location"]!["target"]!.GetValue<string>()));
        Assert.Empty(registered["generateEntities"]!.AsArray());

        var path = Path.Combine(fixture.Catalog.Root, "elsewhere.yaml");
        await File.WriteAllTextAsync(path, """
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: { name: elsewhere }
            spec: { owner: team-a }
            """);
        var fresh = await _client.PostJsonAsync("/api/catalog/analyze-location", new { location = new { type = "file", target = path } });
        var only = Assert.Single(fresh["existingEntityFiles"]!.AsArray());
        Assert.False(only!["isRegistered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Analyze_location_without_a_location_is_an_input_error()
    {
        var result = await _client.PostJsonAsync("/api/catalog/analyze-location", new { catalogFileName = "x.yaml" }, HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "POST", "/api/catalog/analyze-location");
    }

    [Fact]
    public async Task Refresh_answers_ok_for_a_known_entity_and_not_found_otherwise()
    {
        var ok = await _client.PostAsync(
            new Uri("/api/catalog/refresh", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { entityRef = "component:default/petstore" }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var missing = await _client.PostJsonAsync("/api/catalog/refresh", new { entityRef = "component:default/nope" }, HttpStatusCode.NotFound);
        HttpJson.AssertBackstageError(missing, "NotFoundError", 404, "POST", "/api/catalog/refresh");

        var malformed = await _client.PostJsonAsync("/api/catalog/refresh", new { }, HttpStatusCode.BadRequest);
        HttpJson.AssertBackstageError(malformed, "InputError", 400, "POST", "/api/catalog/refresh");
    }
}
