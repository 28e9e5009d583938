using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.TechDocs;

public sealed class DemoDocsTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog, withFixtureLocation: false);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Theory]
    [InlineData("booking-service")]
    [InlineData("tracking-service")]
    [InlineData("route-optimizer")]
    [InlineData("invoicing-service")]
    [InlineData("service-kit")]
    public async Task Demo_components_ship_docs_that_build_without_problems(string name)
    {
        var status = await TechDocsWait.ForStatusAsync(_client, $"default/component/{name}");

        Assert.True(status["state"]!.GetValue<string>() == "ok", $"{name}: {status.ToJsonString()}");
        Assert.True(status["site"]!["pageCount"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task Booking_service_docs_show_admonitions_tables_code_and_mermaid()
    {
        await TechDocsWait.ForStatusAsync(_client, "default/component/booking-service");

        var home = await _client.GetStringAsync(new Uri("/api/techdocs/static/docs/default/component/booking-service/", UriKind.Relative));
        var architecture = await _client.GetStringAsync(new Uri("/api/techdocs/static/docs/default/component/booking-service/architecture/", UriKind.Relative));
        var local = await _client.GetAsync(new Uri("/api/techdocs/static/docs/default/component/booking-service/guides/local-development/", UriKind.Relative));

        Assert.Contains("<div class=\"admonition warning\">", home, StringComparison.Ordinal);
        Assert.Contains("<table>", home, StringComparison.Ordinal);
        Assert.Contains("class=\"language-mermaid mermaid\"", architecture, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("class=\"language-bash\"", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
