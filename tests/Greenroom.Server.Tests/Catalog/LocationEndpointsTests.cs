using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

/// <summary>Each test gets its own server: these tests change the catalog.</summary>
public sealed class LocationEndpointsTests : IAsyncLifetime
{
    private const string ExtraYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: extra
        spec:
          type: library
          lifecycle: production
          owner: team-a
        """;

    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Registers_a_file_location_and_serves_its_entities()
    {
        var target = _catalog.Write("extra.yaml", ExtraYaml);

        var created = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);

        var id = created["location"]!["id"]!.GetValue<string>();
        Assert.Equal(target, created["location"]!["target"]!.GetValue<string>());
        Assert.Equal("file", created["location"]!["type"]!.GetValue<string>());
        Assert.Null(created["exists"]);
        Assert.Equal(["extra"], HttpJson.Names(created["entities"]!));
        await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/extra");
        var one = await _client.GetJsonAsync($"/api/catalog/locations/{id}");
        Assert.Equal(target, one["target"]!.GetValue<string>());
        var all = await _client.GetJsonAsync("/api/catalog/locations");
        Assert.Contains(all.AsArray(), l => l!["data"]!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Registering_the_same_location_twice_is_a_conflict()
    {
        var target = _catalog.Write("extra.yaml", ExtraYaml);
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);

        var again = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Conflict);

        HttpJson.AssertBackstageError(again, "ConflictError", 409, "POST", "/api/catalog/locations");
    }

    [Fact]
    public async Task A_dry_run_reads_without_storing_and_says_whether_the_location_exists()
    {
        var target = _catalog.Write("extra.yaml", ExtraYaml);

        var dry = await _client.PostJsonAsync("/api/catalog/locations?dryRun=true", new { type = "file", target }, HttpStatusCode.Created);
        Assert.Equal(["extra"], HttpJson.Names(dry["entities"]!));
        Assert.False(dry["exists"]!.GetValue<bool>());
        await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/extra", HttpStatusCode.NotFound);
        Assert.DoesNotContain((await _client.GetJsonAsync("/api/catalog/locations")).AsArray(), l => l!["data"]!["target"]!.GetValue<string>() == target);

        var existing = await _client.PostJsonAsync("/api/catalog/locations?dryRun=true", new { type = "file", target = _catalog.AllYamlPath }, HttpStatusCode.Created);
        Assert.True(existing["exists"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_a_location_removes_it_and_its_entities()
    {
        var target = _catalog.Write("extra.yaml", ExtraYaml);
        var created = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);
        var id = created["location"]!["id"]!.GetValue<string>();

        var deleted = await _client.DeleteAsync(new Uri($"/api/catalog/locations/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/extra", HttpStatusCode.NotFound);
        var gone = await _client.GetJsonAsync($"/api/catalog/locations/{id}", HttpStatusCode.NotFound);
        HttpJson.AssertBackstageError(gone, "NotFoundError", 404, "GET", "/api/catalog/locations/");
        var again = await _client.DeleteAsync(new Uri($"/api/catalog/locations/{id}", UriKind.Relative));
        HttpJson.AssertBackstageError(await HttpJson.ReadAsync(again, HttpStatusCode.NotFound), "NotFoundError", 404, "DELETE", "/api/catalog/locations/");
    }

    [Fact]
    public async Task An_unknown_or_malformed_location_id_is_not_found() =>
        HttpJson.AssertBackstageError(
            await _client.GetJsonAsync("/api/catalog/locations/not-a-guid", HttpStatusCode.NotFound), "NotFoundError", 404, "GET", "/api/catalog/locations/not-a-guid");

    [Fact]
    public async Task A_location_without_type_or_target_is_an_input_error()
    {
        var result = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file" }, HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "POST", "/api/catalog/locations");
    }

    [Fact]
    public async Task An_unknown_location_type_is_an_input_error()
    {
        var result = await _client.PostJsonAsync("/api/catalog/locations", new { type = "ftp", target = "ftp://example.com/x.yaml" }, HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "POST", "/api/catalog/locations");
    }

    [Fact]
    public async Task A_url_location_on_a_host_not_allowed_is_refused()
    {
        var result = await _client.PostJsonAsync(
            "/api/catalog/locations", new { type = "url", target = "https://example.com/catalog-info.yaml" }, HttpStatusCode.Forbidden);

        var message = HttpJson.AssertBackstageError(result, "NotAllowedError", 403, "POST", "/api/catalog/locations");
        Assert.Contains("example.com", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_location_outside_the_allowed_roots_is_refused_and_nothing_of_it_is_read()
    {
        var result = await _client.PostJsonAsync(
            "/api/catalog/locations?dryRun=true", new { type = "file", target = "/etc/passwd" }, HttpStatusCode.Forbidden);

        var message = HttpJson.AssertBackstageError(result, "NotAllowedError", 403, "POST", "/api/catalog/locations");
        Assert.Contains("AllowedFileRoots", message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_the_registered_location_an_entity_came_from()
    {
        var configured = (await _client.GetJsonAsync("/api/catalog/locations")).AsArray()
            .Single(l => l!["data"]!["target"]!.GetValue<string>() == _catalog.AllYamlPath)!["data"]!;

        var location = await _client.GetJsonAsync("/api/catalog/locations/by-entity/component/default/petstore");

        Assert.Equal(configured["id"]!.GetValue<string>(), location["id"]!.GetValue<string>());
        var missing = await _client.GetJsonAsync("/api/catalog/locations/by-entity/component/default/nope", HttpStatusCode.NotFound);
        HttpJson.AssertBackstageError(missing, "NotFoundError", 404, "GET", "/api/catalog/locations/by-entity/");
    }

    [Fact]
    public async Task Deleting_an_entity_by_uid_removes_it_until_its_location_produces_it_again()
    {
        var uid = (await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/inventory"))["metadata"]!["uid"]!.GetValue<string>();

        var deleted = await _client.DeleteAsync(new Uri($"/api/catalog/entities/by-uid/{uid}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await _client.GetJsonAsync($"/api/catalog/entities/by-uid/{uid}", HttpStatusCode.NotFound);
        var again = await _client.DeleteAsync(new Uri($"/api/catalog/entities/by-uid/{uid}", UriKind.Relative));
        HttpJson.AssertBackstageError(await HttpJson.ReadAsync(again, HttpStatusCode.NotFound), "NotFoundError", 404, "DELETE", "/api/catalog/entities/by-uid/");

        var refreshed = await _client.PostAsync(new Uri("/api/catalog/refresh", UriKind.Relative), JsonContent("""{"entityRef":"component:default/petstore"}"""));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/inventory");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
