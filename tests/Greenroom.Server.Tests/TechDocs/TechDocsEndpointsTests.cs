using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.TechDocs;

/// <summary>The fixture catalog with docs for petstore, served through the real host.</summary>
public sealed class TechDocsSiteFixture : IAsyncLifetime
{
    public FixtureCatalog Catalog { get; } = new();

    public GreenroomAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public JsonNode Status { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // checkout names a docs folder (the catalog's own) that has no mkdocs.yml.
        Catalog.Write("components.yaml", FixtureCatalog.ComponentsYaml.Replace(
            "  name: petstore\n",
            "  name: petstore\n  annotations:\n    backstage.io/techdocs-ref: dir:./petstore-docs\n",
            StringComparison.Ordinal).Replace(
            "  name: checkout\n",
            "  name: checkout\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n",
            StringComparison.Ordinal));
        Directory.CreateDirectory(Catalog.PathOf("petstore-docs/docs/guide"));
        Directory.CreateDirectory(Catalog.PathOf("petstore-docs/docs/img"));
        Catalog.Write("petstore-docs/mkdocs.yml", "site_name: Pet Store\nsite_description: Selling pets since 2020\n");
        Catalog.Write("petstore-docs/docs/index.md", "# Pet Store\n\nStart with [setup](guide/setup.md).\n\n![diagram](img/diagram.png)\n");
        Catalog.Write("petstore-docs/docs/guide/setup.md",
            "# Setting up\n\n## Install the kennel\n\n!!! note \"Dogs first\"\n    Cats wait.\n\n<script>alert(1)</script>\n\nSee [ops](ops.md).\n");
        File.WriteAllBytes(Catalog.PathOf("petstore-docs/docs/img/diagram.png"), [0x89, 0x50, 0x4E, 0x47]);

        Factory = new GreenroomAppFactory(Catalog);
        Client = await Factory.CreateIdleClientAsync();
        Status = await TechDocsWait.ForStatusAsync(Client, "default/component/petstore");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Catalog.Dispose();
    }
}

public sealed class TechDocsEndpointsTests(TechDocsSiteFixture site) : IClassFixture<TechDocsSiteFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public void Builds_docs_in_the_background_when_an_annotated_entity_appears_and_records_broken_links()
    {
        Assert.Equal("warning", site.Status["state"]!.GetValue<string>());
        var problem = Assert.Single(site.Status["problems"]!.AsArray())!;
        Assert.Equal(("docs/guide/setup.md", 10), (problem["file"]!.GetValue<string>(), problem["line"]!.GetValue<int>()));
        Assert.Contains("ops.md", problem["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Pet Store", site.Status["site"]!["siteName"]!.GetValue<string>());
        Assert.Equal(2, site.Status["site"]!["pageCount"]!.GetValue<int>());
        Assert.Equal("/docs/default/component/petstore/", site.Status["site"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metadata_techdocs_has_backstages_shape()
    {
        var metadata = await Client.GetJsonAsync("/api/techdocs/metadata/techdocs/default/Component/petstore");

        Assert.Equal("Pet Store", metadata["site_name"]!.GetValue<string>());
        Assert.Equal("Selling pets since 2020", metadata["site_description"]!.GetValue<string>());
        Assert.Equal(64, metadata["etag"]!.GetValue<string>().Length);
        Assert.True(metadata["build_timestamp"]!.GetValue<long>() > 1_700_000_000_000);
        Assert.Equal(["guide/setup/index.html", "index.html"], metadata["files"]!.AsArray().Select(f => f!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metadata_entity_adds_where_the_docs_come_from()
    {
        var entity = await Client.GetJsonAsync("/api/techdocs/metadata/entity/default/component/petstore");

        Assert.Equal("petstore", entity["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("dir", entity["locationMetadata"]!["type"]!.GetValue<string>());
        Assert.Equal("./petstore-docs", entity["locationMetadata"]!["target"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("guide/setup/")]
    [InlineData("guide/setup/index.html")]
    [InlineData("guide/setup")]
    public async Task Static_pages_are_sanitised_html_at_directory_style_paths(string path)
    {
        var response = await Client.GetAsync(new Uri($"/api/techdocs/static/docs/default/component/petstore/{path}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h2 id=\"install-the-kennel\">Install the kennel</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"admonition-title\">Dogs first</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Static_assets_and_techdocs_metadata_json_are_served()
    {
        var image = await Client.GetAsync(new Uri("/api/techdocs/static/docs/default/component/petstore/img/diagram.png", UriKind.Relative));
        var home = await Client.GetStringAsync(new Uri("/api/techdocs/static/docs/default/component/petstore/", UriKind.Relative));
        var metadata = await Client.GetJsonAsync("/api/techdocs/static/docs/default/component/petstore/techdocs_metadata.json");

        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("src=\"/api/techdocs/static/docs/default/component/petstore/img/diagram.png\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/guide/setup/\"", home, StringComparison.Ordinal);
        Assert.Equal("Pet Store", metadata["site_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/techdocs/static/docs/default/component/petstore/nope/")]
    [InlineData("/api/techdocs/static/docs/default/component/petstore/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/techdocs/static/docs/default/component/inventory/")]
    [InlineData("/api/techdocs/metadata/techdocs/default/component/inventory")]
    public async Task Missing_docs_are_backstage_not_found_errors(string url)
    {
        var body = await Client.GetJsonAsync(url, HttpStatusCode.NotFound);

        HttpJson.AssertBackstageError(body, "NotFoundError", 404, "GET", "/api/techdocs/");
    }

    [Fact]
    public async Task Page_endpoint_gives_the_portal_html_and_table_of_contents()
    {
        var page = await Client.GetJsonAsync("/api/greenroom/techdocs/default/component/petstore/pages/guide/setup/");

        Assert.Equal(("Setting up", "guide/setup/", "docs/guide/setup.md"), (page["title"]!.GetValue<string>(), page["path"]!.GetValue<string>(), page["sourceFile"]!.GetValue<string>()));
        Assert.Equal(["setting-up", "install-the-kennel"], page["toc"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_docs_folder_without_mkdocs_yml_is_not_built_and_the_status_and_metadata_say_so()
    {
        var status = await Client.GetJsonAsync("/api/greenroom/techdocs/default/component/checkout");
        var metadata = await Client.GetJsonAsync("/api/techdocs/metadata/techdocs/default/component/checkout", HttpStatusCode.NotFound);

        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Null(status["builtAt"]);
        Assert.Null(status["site"]);
        var expected = "No mkdocs.yml in file:" + Path.Combine(site.Catalog.Root, "catalog");
        Assert.Equal(expected, status["problems"]![0]!["message"]!.GetValue<string>());
        Assert.EndsWith(expected, metadata["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_and_rebuild_endpoints_report_documented_entities()
    {
        var list = await Client.GetJsonAsync("/api/greenroom/techdocs");
        var rebuilt = await Client.PostJsonAsync("/api/greenroom/techdocs/default/component/petstore/build", new { });
        var noDocs = await Client.PostJsonAsync("/api/greenroom/techdocs/default/component/inventory/build", new { }, HttpStatusCode.NotFound);

        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(("component:default/petstore", "Pet Store", 1), (item["entityRef"]!.GetValue<string>(), item["siteName"]!.GetValue<string>(), item["problemCount"]!.GetValue<int>()));
        Assert.Equal("warning", rebuilt["state"]!.GetValue<string>());
        HttpJson.AssertBackstageError(noDocs, "NotFoundError", 404, "POST", "/api/greenroom/techdocs/");
    }
}
