using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.TechDocs;

public sealed class CorpusDocsTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    [Fact]
    public async Task Backstage_demo_docs_build_from_a_registered_location_without_fatal_errors()
    {
        var target = Corpus.PathOf("demo/catalog-info.yaml");
        await fixture.Client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);

        var status = await TechDocsWait.ForStatusAsync(fixture.Client, "default/component/backstage-demo");

        Assert.NotEqual("failed", status["state"]!.GetValue<string>());
        Assert.Equal("Backstage Demo", status["site"]!["siteName"]!.GetValue<string>());
        var mermaid = await fixture.Client.GetStringAsync(new Uri("/api/techdocs/static/docs/default/component/backstage-demo/examples/mermaid/", UriKind.Relative));
        Assert.Contains("sequenceDiagram", mermaid, StringComparison.Ordinal);
    }
}
