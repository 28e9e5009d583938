using Greenroom.Storage.Sqlite.TechDocs;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;

namespace Greenroom.Storage.Sqlite.Tests.TechDocs;

public sealed class SqliteTechDocsStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();
    private SqliteCatalogStore _catalog = null!;
    private SqliteTechDocsStore _store = null!;

    public Task InitializeAsync()
    {
        _catalog = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = _database.NewPath() });
        _store = new SqliteTechDocsStore(_catalog);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        _database.Dispose();
    }

    private static DocsSite Site(string entityRef, string hash, params string[] paths) => new(
        entityRef,
        "Tracking",
        "How tracking works",
        [new SiteNavItem("Home", "", null, []), new SiteNavItem("Guides", null, null, [new SiteNavItem("Setup", "guide/setup/", null, [])]), new SiteNavItem("Status", null, "https://status.example", [])],
        [.. paths.Select(p => new DocsPage(p, $"docs/{p}index.md", $"Page {p}", $"<p>{p}</p>", [new TocEntry(1, "Title", "title")], $"text {p}"))],
        [new DocsAsset("img/a.png", "image/png", [1, 2, 3])],
        "file:/repo/tracking",
        hash,
        Now,
        [new DocsProblem("Link 'x.md' points to a missing page", "docs/index.md", 3)]);

    [Fact]
    public async Task Saves_and_reads_back_a_site_its_pages_and_assets()
    {
        await _store.SaveSiteAsync(Site("component:default/tracking", "h1", "", "guide/setup/"), default);

        var info = (await _store.GetSiteAsync("component:default/tracking", default))!;
        Assert.Equal(("Tracking", "How tracking works", "file:/repo/tracking", "h1", Now, 2), (info.SiteName, info.SiteDescription, info.Source, info.ContentHash, info.BuiltAt, info.PageCount));
        Assert.Equal("Setup", info.Nav[1].Children[0].Title);
        Assert.Equal("https://status.example", info.Nav[2].Url);
        var page = (await _store.GetPageAsync("component:default/tracking", "guide/setup/", default))!;
        Assert.Equal(("Page guide/setup/", "<p>guide/setup/</p>", "text guide/setup/"), (page.Title, page.Html, page.Text));
        Assert.Equal(new TocEntry(1, "Title", "title"), Assert.Single(page.Toc));
        Assert.Equal(["", "guide/setup/"], (await _store.GetPagesAsync("component:default/tracking", default)).Select(p => p.Path).ToArray());
        Assert.Equal([1, 2, 3], (await _store.GetAssetAsync("component:default/tracking", "img/a.png", default))!.Content);
        Assert.Null(await _store.GetPageAsync("component:default/tracking", "nope/", default));
    }

    [Fact]
    public async Task Saving_again_replaces_the_whole_site()
    {
        await _store.SaveSiteAsync(Site("component:default/tracking", "h1", "", "old/"), default);

        await _store.SaveSiteAsync(Site("component:default/tracking", "h2", "", "new/"), default);

        Assert.Equal(["", "new/"], (await _store.GetPagesAsync("component:default/tracking", default)).Select(p => p.Path).ToArray());
        Assert.Equal("h2", (await _store.GetSiteAsync("component:default/tracking", default))!.ContentHash);
    }

    [Fact]
    public async Task Keeps_statuses_with_their_problems_and_lists_sites_in_ref_order()
    {
        await _store.SaveSiteAsync(Site("component:default/b", "h", ""), default);
        await _store.SaveSiteAsync(Site("component:default/a", "h", ""), default);
        await _store.SetStatusAsync(new DocsBuildStatus("component:default/a", DocsBuildStatus.Warning, "file:/a", "h", Now, Now, [new DocsProblem("broken", "docs/a.md", 7)]), default);
        await _store.SetStatusAsync(new DocsBuildStatus("component:default/a", DocsBuildStatus.Failed, null, "h", Now.AddMinutes(1), Now, [new DocsProblem("bad yaml", "mkdocs.yml", 2, DocsProblem.Error)]), default);

        var status = (await _store.GetStatusAsync("component:default/a", default))!;

        Assert.Equal((DocsBuildStatus.Failed, null, Now.AddMinutes(1), Now), (status.State, status.Source, status.CheckedAt, status.BuiltAt));
        Assert.Equal(new DocsProblem("bad yaml", "mkdocs.yml", 2, DocsProblem.Error), Assert.Single(status.Problems));
        Assert.Equal(["component:default/a", "component:default/b"], (await _store.ListSitesAsync(default)).Select(s => s.EntityRef).ToArray());
        Assert.Single(await _store.ListStatusesAsync(default));
    }

    [Fact]
    public async Task Delete_removes_site_pages_assets_and_status()
    {
        await _store.SaveSiteAsync(Site("component:default/a", "h", ""), default);
        await _store.SetStatusAsync(new DocsBuildStatus("component:default/a", DocsBuildStatus.Ok, null, "h", Now, Now, []), default);

        Assert.True(await _store.DeleteAsync("component:default/a", default));

        Assert.Null(await _store.GetSiteAsync("component:default/a", default));
        Assert.Empty(await _store.GetPagesAsync("component:default/a", default));
        Assert.Null(await _store.GetAssetAsync("component:default/a", "img/a.png", default));
        Assert.Null(await _store.GetStatusAsync("component:default/a", default));
        Assert.False(await _store.DeleteAsync("component:default/a", default));
    }
}
