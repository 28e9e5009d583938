using Greenroom.Catalog.Locations;

namespace Greenroom.Catalog.Tests.Locations;

public sealed class HostAllowListTests
{
    private readonly HostAllowList _list = new(["example.com", "*.corp.example", "127.0.0.1:8080"]);

    [Theory]
    [InlineData("https://example.com/a.yaml", true)]
    [InlineData("http://example.com/a.yaml", true)]
    [InlineData("https://EXAMPLE.com/a.yaml", true)]
    [InlineData("https://example.com:8443/a.yaml", false)]
    [InlineData("https://evil-example.com/a.yaml", false)]
    [InlineData("https://git.corp.example/a.yaml", true)]
    [InlineData("https://corp.example/a.yaml", false)]
    [InlineData("http://127.0.0.1:8080/a.yaml", true)]
    [InlineData("http://127.0.0.1:9090/a.yaml", false)]
    public void Allows_only_listed_hosts(string url, bool allowed) => Assert.Equal(allowed, _list.Allows(new Uri(url)));
}
