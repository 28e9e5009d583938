using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Catalog.Tests.Locations;

public sealed class UrlSourceReaderTests
{
    private static UrlSourceReader Reader(string allowed, long maxBytes = 1024 * 1024)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(UrlSourceReader.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Microsoft.Extensions.Options.Options.Create(new ReadingOptions { AllowedHosts = [allowed], MaxFileBytes = maxBytes });
        return new UrlSourceReader(factory, options);
    }

    [Fact]
    public async Task Reads_an_allowed_url()
    {
        await using var server = new LoopbackServer();
        server.Text("a.yaml", "kind: Component");

        var text = await Reader(server.Authority).ReadTextAsync(new Uri(server.Url("a.yaml")), CancellationToken.None);

        Assert.Equal("kind: Component", text);
    }

    [Fact]
    public async Task Refuses_a_host_that_is_not_allowed()
    {
        await using var server = new LoopbackServer();
        server.Text("a.yaml", "kind: Component");

        var exception = await Assert.ThrowsAsync<LocationReadException>(
            () => Reader("example.com").ReadTextAsync(new Uri(server.Url("a.yaml")), CancellationToken.None));

        Assert.Equal("NotAllowedError", exception.Name);
        Assert.Contains("Greenroom:Reading:AllowedHosts", exception.Message);
    }

    [Fact]
    public async Task Checks_every_redirect_against_the_allow_list()
    {
        await using var server = new LoopbackServer();
        server.Redirect("a.yaml", "http://localhost:1/secret.yaml");

        var exception = await Assert.ThrowsAsync<LocationReadException>(
            () => Reader(server.Authority).ReadTextAsync(new Uri(server.Url("a.yaml")), CancellationToken.None));

        Assert.Equal("NotAllowedError", exception.Name);
        Assert.Contains("localhost:1", exception.Message);
    }

    [Fact]
    public async Task Follows_an_allowed_redirect()
    {
        await using var server = new LoopbackServer();
        server.Redirect("old.yaml", server.Url("new.yaml"));
        server.Text("new.yaml", "moved");

        var text = await Reader(server.Authority).ReadTextAsync(new Uri(server.Url("old.yaml")), CancellationToken.None);

        Assert.Equal("moved", text);
    }

    [Fact]
    public async Task Enforces_the_size_limit_while_streaming()
    {
        await using var server = new LoopbackServer();
        server.Chunked("big.yaml", 512 * 1024);

        var exception = await Assert.ThrowsAsync<LocationReadException>(
            () => Reader(server.Authority, maxBytes: 64 * 1024).ReadTextAsync(new Uri(server.Url("big.yaml")), CancellationToken.None));

        Assert.Contains("larger than the limit of 65536 bytes", exception.Message);
    }
}
