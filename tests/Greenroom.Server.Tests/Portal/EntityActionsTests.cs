using System.Net;
using Greenroom.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Greenroom.Server.Tests.Portal;

/// <summary>The entity page's actions without JavaScript: refresh, and unregister with confirmation. Each test gets its own server.</summary>
public sealed class EntityActionsTests : IAsyncLifetime
{
    private const string ExtraYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: extra-one
        spec:
          type: library
          lifecycle: production
          owner: team-a
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: extra-two
        spec:
          type: library
          lifecycle: production
          owner: team-a
        """;

    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;
    private string _target = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await GreenroomAppFactory.WaitForIdleAsync(_client);
        _target = _catalog.Write("extra.yaml", ExtraYaml);
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = _target }, HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Unregister_page_names_the_location_and_every_entity_that_would_be_removed()
    {
        var html = await GetAsync("/catalog/default/component/extra-one/unregister", HttpStatusCode.OK);

        Assert.Contains($"file:{_target}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("2 entities will be removed", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/default/component/extra-one\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/default/component/extra-two\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("petstore", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_unregisters_the_location_and_redirects_to_the_catalog_with_a_message()
    {
        var page = await GetAsync("/catalog/default/component/extra-one/unregister", HttpStatusCode.OK);

        var response = await _client.PostAsync(
            new Uri("/catalog/default/component/extra-one/unregister", UriKind.Relative),
            new FormUrlEncodedContent(PortalHtml.HiddenFields(page, "unregister-location")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/catalog?unregistered=2", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        await GetAsync("/catalog/default/component/extra-one", HttpStatusCode.NotFound);
        await GetAsync("/catalog/default/component/extra-two", HttpStatusCode.NotFound);
        await GetAsync("/catalog/default/component/petstore", HttpStatusCode.OK);
        var catalog = await GetAsync("/catalog?unregistered=2", HttpStatusCode.OK);
        Assert.Contains("2 entities were removed from the catalog", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregistering_without_the_antiforgery_token_is_refused_and_removes_nothing()
    {
        var response = await _client.PostAsync(
            new Uri("/catalog/default/component/extra-one/unregister", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "unregister-location" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await GetAsync("/catalog/default/component/extra-one", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unregister_page_of_an_unknown_entity_is_not_found()
    {
        await GetAsync("/catalog/default/component/nothing-here/unregister", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refresh_works_as_a_plain_form_post_and_says_what_happened()
    {
        var page = await GetAsync("/catalog/default/component/extra-one", HttpStatusCode.OK);

        var response = await _client.PostAsync(
            new Uri("/catalog/default/component/extra-one", UriKind.Relative),
            new FormUrlEncodedContent(PortalHtml.HiddenFields(page, "refresh-entity")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Refreshed: the entity&#x27;s location was read again just now.", html, StringComparison.Ordinal);
    }

    private Task<string> GetAsync(string path, HttpStatusCode expected) => _client.GetPageAsync(path, expected);
}
