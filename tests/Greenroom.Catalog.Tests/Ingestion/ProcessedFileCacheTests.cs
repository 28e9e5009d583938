using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Tests.Support;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests.Ingestion;

/// <summary>Passes that reuse the result of unchanged files, and the cases that must not.</summary>
public sealed class ProcessedFileCacheTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CatalogHarness _catalog = null!;

    private string Repo => Path.Combine(_folder.Path, "repo");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Repo);
        _catalog = await CatalogHarness.StartAsync(Path.Combine(_folder.Path, "catalog.db"), Repo);
    }

    private string Write(string relative, string content) => _folder.Write(Path.Combine("repo", relative), content);

    private async Task<LocationRecord> RegisterTwoFilesAsync()
    {
        Write("catalog-info.yaml", Location("root", "./a.yaml", "./b.yaml"));
        Write("a.yaml", Documents(Component("a1"), Component("a2")));
        Write("b.yaml", Component("b1"));
        return await _catalog.RegisterAsync("file", "catalog-info.yaml");
    }

    private Task<LocationPassReport> PassAsync(LocationRecord location) => _catalog.Engine.IngestExclusiveAsync(location, CancellationToken.None);

    [Fact]
    public async Task An_idle_pass_reuses_every_unchanged_file_and_rewrites_nothing()
    {
        var location = await RegisterTwoFilesAsync();

        var report = await PassAsync(location);

        // The root file holds a Location (its targets may be globs): it is always processed.
        Assert.Equal((3, 2), (report.FilesRead, report.FilesReused));
        Assert.Equal(4, report.Outcome.Unchanged);
        Assert.Empty(report.Outcome.Updated);
        Assert.Empty(report.Outcome.Orphaned);
        Assert.Equal(4, report.EntityRefs.Count);
    }

    [Fact]
    public async Task An_edited_file_is_processed_again_and_only_its_changes_are_written()
    {
        var location = await RegisterTwoFilesAsync();
        await PassAsync(location);

        Write("a.yaml", Documents(Component("a1", owner: "team-b"), Component("a2")));
        var report = await PassAsync(location);

        Assert.Equal(1, report.FilesReused);
        Assert.Equal(["component:default/a1"], report.Outcome.Updated);
        Assert.Equal("team-b", (string?)(await _catalog.EntityAsync("component:default/a1"))!["spec"]!["owner"]);
    }

    [Fact]
    public async Task An_entity_deleted_meanwhile_comes_back_from_its_unchanged_file()
    {
        var location = await RegisterTwoFilesAsync();
        await PassAsync(location);
        var uid = (string)(await _catalog.EntityAsync("component:default/b1"))!["metadata"]!["uid"]!;
        Assert.True(await _catalog.Operations.DeleteEntityAsync(uid, CancellationToken.None));

        var report = await PassAsync(location);

        Assert.Equal(1, report.FilesReused);
        Assert.Equal(["component:default/b1"], report.Outcome.Added);
        Assert.NotNull(await _catalog.EntityAsync("component:default/b1"));
    }

    [Fact]
    public async Task A_file_with_placeholders_is_processed_again_when_the_file_they_read_changes()
    {
        Write("catalog-info.yaml", Location("root", "./a.yaml"));
        Write("a.yaml", Component("a1").Replace("  name: a1", "  name: a1\n  description:\n    $text: ./description.txt", StringComparison.Ordinal));
        Write("description.txt", "first");
        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");
        Assert.Equal("first", (string?)(await _catalog.EntityAsync("component:default/a1"))!["metadata"]!["description"]);

        Write("description.txt", "second");
        var report = await PassAsync(location);

        Assert.Equal(0, report.FilesReused);
        Assert.Equal("second", (string?)(await _catalog.EntityAsync("component:default/a1"))!["metadata"]!["description"]);
    }

    [Fact]
    public async Task A_file_whose_entities_failed_reports_the_same_problems_when_reused()
    {
        Write("catalog-info.yaml", Location("root", "./a.yaml"));
        Write("a.yaml", Documents(Component("good"), Component("Not Valid")));
        var location = await _catalog.RegisterAsync("file", "catalog-info.yaml");
        var first = await _catalog.LocationErrorsAsync(location.Id);

        var report = await PassAsync(location);

        Assert.Equal(1, report.FilesReused);
        Assert.NotEmpty(first);
        Assert.Equal(first.ToJsonString(), (await _catalog.LocationErrorsAsync(location.Id)).ToJsonString());
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }
}
