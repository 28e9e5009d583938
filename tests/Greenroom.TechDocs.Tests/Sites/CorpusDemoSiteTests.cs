using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Sites;

/// <summary>The real mkdocs site of Backstage's demo (in the shared corpus) builds without fatal errors.</summary>
public sealed class CorpusDemoSiteTests : IDisposable
{
    private readonly TechDocsHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Backstage_demo_site_renders_every_page_with_mermaid_kept_as_code()
    {
        var root = Environment.GetEnvironmentVariable("GREENROOM_CORPUS");
        Assert.False(
            string.IsNullOrWhiteSpace(root) || !Directory.Exists(root),
            "GREENROOM_CORPUS must point at the corpus folder (the one holding backstage/ and demo/); ./test.sh sets it.");
        var demo = Path.Combine(root!, "demo");
        _harness.Catalog.Add("backstage-demo", "dir:.", "file:" + Path.Combine(demo, "catalog-info.yaml"), "file:" + Path.Combine(demo, "catalog-info.yaml"));

        var outcome = await _harness.Builder.BuildAsync("component:default/backstage-demo", false, default);

        Assert.Equal(DocsBuildOutcome.Built, outcome);
        var status = (await _harness.Store.GetStatusAsync("component:default/backstage-demo", default))!;
        Assert.NotEqual(DocsBuildStatus.Failed, status.State);
        Assert.DoesNotContain(status.Problems, p => p.Severity == DocsProblem.Error);
        var site = (await _harness.Store.GetSiteAsync("component:default/backstage-demo", default))!;
        Assert.Equal("Backstage Demo", site.SiteName);
        var pages = await _harness.Store.GetPagesAsync("component:default/backstage-demo", default);
        var markdownFiles = Directory.GetFiles(Path.Combine(demo, "docs"), "*.md", SearchOption.AllDirectories).Length;
        Assert.Equal(markdownFiles, pages.Count);
        var mermaid = Assert.Single(pages, p => p.Path == "examples/mermaid/");
        Assert.Contains("class=\"language-mermaid mermaid\"", mermaid.Html, StringComparison.Ordinal);
        var iframe = Assert.Single(pages, p => p.Path == "examples/iframe/");
        Assert.DoesNotContain("<iframe", iframe.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/backstage-demo/examples/basic/\"", pages.Single(p => p.Path == "").Html, StringComparison.Ordinal);
    }
}
