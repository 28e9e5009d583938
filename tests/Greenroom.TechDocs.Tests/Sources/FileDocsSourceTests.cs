using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Sources;

public sealed class FileDocsSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FileDocsSource Source(string root = "repo/service", string confinement = "repo", long maxFile = 1000, long maxSite = 10_000) =>
        new(_folder.PathOf(root), _folder.PathOf(confinement), new ReadBudget(maxFile, maxSite));

    [Fact]
    public async Task Reads_files_and_lists_the_docs_folder_without_hidden_files()
    {
        _folder.Write("repo/service/mkdocs.yml", "site_name: s");
        _folder.Write("repo/service/docs/index.md", "# Home");
        _folder.Write("repo/service/docs/guide/setup.md", "# Setup");
        _folder.Write("repo/service/docs/.hidden.md", "secret");

        var source = Source();

        Assert.Equal("# Home", await source.ReadTextAsync("docs/index.md", default));
        Assert.Equal(["guide/setup.md", "index.md"], (await source.ListFilesAsync("docs", default))!);
    }

    [Theory]
    [InlineData("../other/secret.md")]
    [InlineData("docs/../../other/secret.md")]
    [InlineData("/etc/passwd")]
    public async Task Refuses_paths_that_leave_the_docs_folder(string path)
    {
        _folder.Write("repo/other/secret.md", "secret");

        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync(path, default));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_docs_folder_outside_the_location_folder()
    {
        _folder.Write("elsewhere/mkdocs.yml", "site_name: s");

        var error = Assert.Throws<DocsSourceException>(() => Source(root: "elsewhere"));

        Assert.Contains("outside the location's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_pointing_outside_is_neither_read_nor_listed()
    {
        var secret = _folder.Write("outside/secret.md", "secret");
        _folder.Write("repo/service/docs/index.md", "# Home");
        File.CreateSymbolicLink(_folder.PathOf("repo/service/docs/leak.md"), secret);
        Directory.CreateSymbolicLink(_folder.PathOf("repo/service/docs/linked"), _folder.PathOf("outside"));

        var source = Source();

        Assert.Equal(["index.md"], (await source.ListFilesAsync("docs", default))!);
        await Assert.ThrowsAsync<DocsSourceException>(() => source.ReadTextAsync("docs/leak.md", default));
        await Assert.ThrowsAsync<DocsSourceException>(() => source.ReadTextAsync("docs/linked/secret.md", default));
    }

    [Fact]
    public async Task A_symbolic_link_inside_the_location_is_followed()
    {
        _folder.Write("repo/shared/common.md", "# Common");
        _folder.Write("repo/service/docs/index.md", "# Home");
        File.CreateSymbolicLink(_folder.PathOf("repo/service/docs/common.md"), _folder.PathOf("repo/shared/common.md"));

        Assert.Equal("# Common", await Source().ReadTextAsync("docs/common.md", default));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_reading()
    {
        _folder.Write("repo/service/docs/big.md", new string('x', 1001));

        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source().ReadTextAsync("docs/big.md", default));

        Assert.Contains("larger than the limit of 1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_past_the_site_limit_fails_the_build()
    {
        for (var i = 0; i < 5; i++)
        {
            _folder.Write($"repo/service/docs/p{i}.md", new string('x', 900));
        }

        var source = Source(maxSite: 4000);
        for (var i = 0; i < 4; i++)
        {
            await source.ReadTextAsync($"docs/p{i}.md", default);
        }

        var error = await Assert.ThrowsAsync<DocsBuildException>(() => source.ReadTextAsync("docs/p4.md", default));
        Assert.Contains("MaxSiteBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_reported_as_not_found()
    {
        var error = await Assert.ThrowsAsync<DocsSourceException>(() => Source(root: "repo", confinement: "repo").ReadTextAsync("nope.md", default));

        Assert.True(error.IsNotFound);
    }
}
