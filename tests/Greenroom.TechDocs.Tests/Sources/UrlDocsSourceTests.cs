using System.Net;
using Greenroom.TechDocs.Sources;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Sources;

public sealed class UrlDocsSourceTests
{
    private readonly StubHttpHandler _http = new(new()
    {
        ["https://git.halyard.example/tracking/docs/index.md"] = "# Tracking",
        ["https://evil.example/secret.md"] = "secret",
        ["https://git.halyard.example/tracking/big.md"] = new string('x', 2000),
    });

    private UrlDocsSource Source(string folder = "https://git.halyard.example/tracking/") =>
        new(new Uri(folder), new HttpClient(_http), new DocsHostAllowList(["git.halyard.example"]), new ReadBudget(1000, 10_000), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Reads_files_relative_to_the_folder_url()
    {
        Assert.Equal("# Tracking", await Source().ReadTextAsync("docs/index.md", default));
        Assert.Null(await Source().ListFilesAsync("docs", default));
    }

    [Fact]
    public async Task Refuses_paths_that_climb_out_of_the_folder()
    {
        await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync("../../other/x.md", default));
        Assert.Empty(_http.Requested);
    }

    [Fact]
    public async Task Refuses_hosts_not_on_the_allow_list_including_after_a_redirect()
    {
        _http.Special["https://git.halyard.example/tracking/moved.md"] = (HttpStatusCode.Found, "https://evil.example/secret.md");

        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync("moved.md", default));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil.example/secret.md", _http.Requested);
    }

    [Fact]
    public async Task Refuses_a_response_over_the_size_limit()
    {
        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync("big.md", default));

        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_not_found()
    {
        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync("docs/none.md", default));

        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData("https://a.halyard.example/x", true)]
    [InlineData("https://halyard.example/x", false)]
    [InlineData("http://git.halyard.example:8080/x", true)]
    [InlineData("http://git.halyard.example:9090/x", false)]
    [InlineData("ftp://a.halyard.example/x", false)]
    public void Allow_list_matches_hosts_wildcards_and_ports(string url, bool allowed) =>
        Assert.Equal(allowed, new DocsHostAllowList(["*.halyard.example", "git.halyard.example:8080"]).Allows(new Uri(url)));
}
