using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Search;

/// <summary>Search over the demo organisation the server starts with: every collator of the server has documents.</summary>
public sealed class DemoCatalogSearchTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog, withFixtureLocation: false);
        _client = await _factory.CreateIdleClientAsync();
        await _client.WaitForSearchIdleAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Finds_the_demo_template_among_templates_leading_to_its_form()
    {
        var body = await _client.GetJsonAsync("/api/search/query?term=asp.net%20servce&types[0]=software-templates");

        var hit = body["results"]![0]!;
        Assert.Equal("software-templates", hit["type"]!.GetValue<string>());
        Assert.Equal("ASP.NET Core service", hit["document"]!["title"]!.GetValue<string>());
        Assert.Equal("/create/templates/default/aspnet-core-service", hit["document"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ranks_the_entity_named_like_the_term_first()
    {
        var body = await _client.GetJsonAsync("/api/search/query?term=tracking%20service&types[0]=software-catalog");

        Assert.Equal("/catalog/default/component/tracking-service", body["results"]![0]!["document"]!["location"]!.GetValue<string>());
    }
}
