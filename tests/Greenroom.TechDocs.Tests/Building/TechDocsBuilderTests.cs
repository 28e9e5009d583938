using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Building;

public sealed class TechDocsBuilderTests : IDisposable
{
    private readonly TechDocsHarness _harness = new(new TechDocsOptions { MaxPages = 5, AllowedHosts = ["git.halyard.example"] }, new StubHttpHandler(new()
    {
        ["https://git.halyard.example/fleet/mkdocs.yml"] = "site_name: Fleet\nnav:\n  - Home: index.md\n  - Trucks: trucks.md\n",
        ["https://git.halyard.example/fleet/docs/index.md"] = "# Fleet\n\nSee [trucks](trucks.md).\n",
        ["https://git.halyard.example/fleet/docs/trucks.md"] = "# Trucks\n\n## Maintenance\n",
        ["https://git.halyard.example/nonav/mkdocs.yml"] = "site_name: No nav\n",
    }));

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Builds_a_site_with_directory_style_pages_discovered_nav_and_tells_search()
    {
        var entityRef = _harness.AddService("tracking", null,
            ("index.md", "# Tracking\n\nStart with [setup](guide/setup.md#install).\n"),
            ("guide/setup.md", "# Setting up\n\n## Install\n"),
            ("guide/operate.md", "# Operating\n"),
            ("img/flow.png", "png"));

        var outcome = await _harness.Builder.BuildAsync(entityRef, force: false, default);

        Assert.Equal(DocsBuildOutcome.Built, outcome);
        var site = (await _harness.Store.GetSiteAsync(entityRef, default))!;
        Assert.Equal("tracking docs", site.SiteName);
        Assert.Equal(["", "guide/operate/", "guide/setup/"], (await _harness.Store.GetPagesAsync(entityRef, default)).Select(p => p.Path).ToArray());
        Assert.Equal(("Tracking", ""), (site.Nav[0].Title, site.Nav[0].Path));
        Assert.Equal("Guide", site.Nav[1].Title);
        Assert.Equal(["Operating", "Setting up"], site.Nav[1].Children.Select(c => c.Title).ToArray());
        var home = (await _harness.Store.GetPageAsync(entityRef, "", default))!;
        Assert.Contains("href=\"/docs/default/component/tracking/guide/setup/#install\"", home.Html, StringComparison.Ordinal);
        Assert.Equal("docs/index.md", home.SourceFile);
        Assert.NotNull(await _harness.Store.GetAssetAsync(entityRef, "img/flow.png", default));
        Assert.Equal(DocsBuildStatus.Ok, (await _harness.Store.GetStatusAsync(entityRef, default))!.State);
        Assert.Equal([("techdocs", entityRef)], _harness.Search.Changes);
    }

    [Fact]
    public async Task An_unchanged_source_is_not_rebuilt_but_a_changed_one_is()
    {
        var entityRef = _harness.AddService("billing");
        await _harness.Builder.BuildAsync(entityRef, false, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await _harness.Builder.BuildAsync(entityRef, false, default);

        Assert.Equal(DocsBuildOutcome.Unchanged, again);
        Assert.Equal(1, _harness.Store.SaveCount);
        Assert.Equal(_harness.Time.GetUtcNow(), (await _harness.Store.GetStatusAsync(entityRef, default))!.CheckedAt);

        _harness.Folder.Write("repo/billing/docs/index.md", "# Billing\n\nInvoices go out on the 1st.\n");
        Assert.Equal(DocsBuildOutcome.Built, await _harness.Builder.BuildAsync(entityRef, false, default));
        Assert.Contains("Invoices go out", (await _harness.Store.GetPageAsync(entityRef, "", default))!.Text, StringComparison.Ordinal);
        Assert.Equal(DocsBuildOutcome.Built, await _harness.Builder.BuildAsync(entityRef, force: true, default));
    }

    [Fact]
    public async Task Uses_nav_titles_and_reports_pages_the_nav_names_that_do_not_exist()
    {
        var entityRef = _harness.AddService("routing", "site_name: Routing\nnav:\n  - Overview: index.md\n  - Ghost: ghost.md\n  - Extra:\n      - extra.md\n",
            ("index.md", "# Routing home\n"),
            ("extra.md", "# Extra page\n"));

        await _harness.Builder.BuildAsync(entityRef, false, default);

        var site = (await _harness.Store.GetSiteAsync(entityRef, default))!;
        Assert.Equal(["Overview", "Extra"], site.Nav.Select(n => n.Title).ToArray());
        Assert.Equal("Extra page", site.Nav[1].Children[0].Title);
        var status = (await _harness.Store.GetStatusAsync(entityRef, default))!;
        Assert.Equal(DocsBuildStatus.Warning, status.State);
        var problem = Assert.Single(status.Problems);
        Assert.Equal(("mkdocs.yml", 4), (problem.File, problem.Line));
        Assert.Contains("ghost.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_links_are_warnings_with_file_and_line()
    {
        var entityRef = _harness.AddService("identity", null, ("index.md", "# Identity\n\nRead [the runbook](runbook.md).\n"));

        await _harness.Builder.BuildAsync(entityRef, false, default);

        var problem = Assert.Single((await _harness.Store.GetStatusAsync(entityRef, default))!.Problems);
        Assert.Equal(("docs/index.md", 3, DocsProblem.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.NotNull(await _harness.Store.GetPageAsync(entityRef, "", default));
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_last_good_site_and_records_why()
    {
        var entityRef = _harness.AddService("warehouse");
        await _harness.Builder.BuildAsync(entityRef, false, default);
        _harness.Folder.Write("repo/warehouse/mkdocs.yml", "site_name: [broken\n");

        var outcome = await _harness.Builder.BuildAsync(entityRef, false, default);

        Assert.Equal(DocsBuildOutcome.Failed, outcome);
        var status = (await _harness.Store.GetStatusAsync(entityRef, default))!;
        Assert.Equal(DocsBuildStatus.Failed, status.State);
        Assert.Equal(("mkdocs.yml", DocsProblem.Error), (status.Problems[0].File, status.Problems[0].Severity));
        Assert.NotNull(status.BuiltAt);
        Assert.NotNull(await _harness.Store.GetPageAsync(entityRef, "", default));
    }

    [Fact]
    public async Task A_source_without_mkdocs_yml_fails_with_a_clear_problem()
    {
        var entityRef = _harness.AddService("notifications");
        File.Delete(_harness.Folder.PathOf("repo/notifications/mkdocs.yml"));

        Assert.Equal(DocsBuildOutcome.Failed, await _harness.Builder.BuildAsync(entityRef, false, default));
        Assert.StartsWith("No mkdocs.yml", (await _harness.Store.GetStatusAsync(entityRef, default))!.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_check_skips_a_folder_without_mkdocs_yml_recording_nothing_until_one_appears()
    {
        var entityRef = _harness.AddService("ledger");
        File.Delete(_harness.Folder.PathOf("repo/ledger/mkdocs.yml"));

        Assert.Equal(DocsBuildOutcome.WithoutConfig, await _harness.Builder.CheckAsync(entityRef, default));
        Assert.Null(await _harness.Store.GetStatusAsync(entityRef, default));
        Assert.Empty(_harness.Search.Changes);
        var described = (await _harness.Builder.DescribeUnbuiltAsync(entityRef, default))!;
        Assert.Equal(DocsBuildStatus.Failed, described.State);
        Assert.Equal("file:" + _harness.Folder.PathOf("repo/ledger"), described.Source);
        Assert.Equal(("No mkdocs.yml in file:" + _harness.Folder.PathOf("repo/ledger"), "mkdocs.yml"), (described.Problems[0].Message, described.Problems[0].File));

        _harness.Folder.Write("repo/ledger/mkdocs.yml", "site_name: Ledger\n");
        Assert.Equal(DocsBuildOutcome.Built, await _harness.Builder.CheckAsync(entityRef, default));
        Assert.Null(await _harness.Builder.DescribeUnbuiltAsync(entityRef, default));
    }

    [Fact]
    public async Task The_worker_check_reads_no_status_again_for_an_entity_it_already_found_without_mkdocs_yml()
    {
        var entityRef = _harness.AddService("ledger");
        File.Delete(_harness.Folder.PathOf("repo/ledger/mkdocs.yml"));
        await _harness.Builder.CheckAsync(entityRef, default);
        var reads = _harness.Store.StatusReads;

        Assert.Equal(DocsBuildOutcome.WithoutConfig, await _harness.Builder.CheckAsync(entityRef, default));
        Assert.Equal(reads, _harness.Store.StatusReads);
        Assert.Equal(1, _harness.Builder.EntitiesWithoutConfig);

        // The annotations changed: looked at afresh.
        _harness.Catalog.Add("ledger", "dir:./docs-site", "file:" + _harness.Folder.PathOf("repo/ledger/catalog-info.yaml"), "file:" + _harness.Folder.PathOf("repo/all.yaml"));
        Assert.Equal(DocsBuildOutcome.WithoutConfig, await _harness.Builder.CheckAsync(entityRef, default));
        Assert.Equal(reads + 1, _harness.Store.StatusReads);
    }

    [Fact]
    public async Task A_built_site_that_loses_its_mkdocs_yml_keeps_its_last_build_and_records_why_on_a_worker_check()
    {
        var entityRef = _harness.AddService("atlas");
        Assert.Equal(DocsBuildOutcome.Built, await _harness.Builder.CheckAsync(entityRef, default));
        File.Delete(_harness.Folder.PathOf("repo/atlas/mkdocs.yml"));

        Assert.Equal(DocsBuildOutcome.Failed, await _harness.Builder.CheckAsync(entityRef, default));

        var status = (await _harness.Store.GetStatusAsync(entityRef, default))!;
        Assert.Equal(DocsBuildStatus.Failed, status.State);
        Assert.StartsWith("No mkdocs.yml", status.Problems[0].Message, StringComparison.Ordinal);
        Assert.NotNull(await _harness.Store.GetSiteAsync(entityRef, default));
    }

    [Fact]
    public async Task Too_many_pages_fail_the_build()
    {
        var entityRef = _harness.AddService("big", null, [.. Enumerable.Range(0, 6).Select(i => ($"p{i}.md", $"# P{i}\n"))]);

        Assert.Equal(DocsBuildOutcome.Failed, await _harness.Builder.BuildAsync(entityRef, false, default));
        Assert.Contains("MaxPages", (await _harness.Store.GetStatusAsync(entityRef, default))!.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dir:../../../etc", "outside the location's folder")]
    [InlineData("docs", "must start with dir: or url:")]
    [InlineData("url:file:///etc/passwd", "absolute http(s) URL")]
    public async Task Unsafe_or_malformed_refs_fail_without_reading(string techDocsRef, string message)
    {
        var descriptor = _harness.Folder.Write("repo/svc/catalog-info.yaml", "#");
        _harness.Catalog.Add("svc", techDocsRef, "file:" + descriptor, "file:" + _harness.Folder.PathOf("repo/all.yaml"));

        Assert.Equal(DocsBuildOutcome.Failed, await _harness.Builder.BuildAsync("component:default/svc", false, default));
        Assert.Contains(message, (await _harness.Store.GetStatusAsync("component:default/svc", default))!.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removes_docs_when_the_entity_or_its_annotation_goes()
    {
        var entityRef = _harness.AddService("portal");
        await _harness.Builder.BuildAsync(entityRef, false, default);
        _harness.Catalog.Entities.Remove(entityRef);

        Assert.Equal(DocsBuildOutcome.Removed, await _harness.Builder.BuildAsync(entityRef, false, default));
        Assert.Null(await _harness.Store.GetSiteAsync(entityRef, default));
        Assert.Null(await _harness.Store.GetStatusAsync(entityRef, default));
        Assert.Equal(2, _harness.Search.Changes.Count);
    }

    [Fact]
    public async Task Entities_without_docs_cost_nothing_and_tell_no_one()
    {
        _harness.Catalog.Add("plain", null, "file:/x/catalog-info.yaml");

        Assert.Equal(DocsBuildOutcome.NoDocs, await _harness.Builder.BuildAsync("component:default/plain", false, default));
        Assert.Empty(_harness.Search.Changes);
    }

    [Fact]
    public async Task Reads_url_sources_through_their_nav()
    {
        _harness.Catalog.Add("fleet", "url:https://git.halyard.example/fleet/", "url:https://git.halyard.example/fleet/catalog-info.yaml");

        Assert.Equal(DocsBuildOutcome.Built, await _harness.Builder.BuildAsync("component:default/fleet", false, default));

        var pages = await _harness.Store.GetPagesAsync("component:default/fleet", default);
        Assert.Equal(["", "trucks/"], pages.Select(p => p.Path).ToArray());
        Assert.Equal(DocsBuildStatus.Ok, (await _harness.Store.GetStatusAsync("component:default/fleet", default))!.State);
    }

    [Fact]
    public async Task A_url_source_without_nav_cannot_be_listed_and_fails()
    {
        _harness.Catalog.Add("nonav", "dir:.", "url:https://git.halyard.example/nonav/catalog-info.yaml");

        Assert.Equal(DocsBuildOutcome.Failed, await _harness.Builder.BuildAsync("component:default/nonav", false, default));
        Assert.Contains("needs a nav", (await _harness.Store.GetStatusAsync("component:default/nonav", default))!.Problems[0].Message, StringComparison.Ordinal);
    }
}
