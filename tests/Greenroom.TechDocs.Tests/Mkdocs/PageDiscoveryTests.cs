using Greenroom.TechDocs.Mkdocs;

namespace Greenroom.TechDocs.Tests.Mkdocs;

public sealed class PageDiscoveryTests
{
    [Fact]
    public void Orders_pages_as_mkdocs_index_first_then_names_then_folders_as_sections()
    {
        var nav = PageDiscovery.Discover(["zeta.md", "alpha.md", "index.md", "how_to/z.md", "how_to/index.md", "api-reference/v1/calls.md", "api-reference/a.md"]);

        Assert.Equal(["index.md", "alpha.md", "zeta.md"], nav.Take(3).Select(n => n.Page!).ToArray());
        Assert.Equal(["Api reference", "How to"], nav.Skip(3).Select(n => n.Title!).ToArray());
        Assert.Equal(["api-reference/a.md", "api-reference/v1/calls.md"], nav[3].Pages().Select(p => p.Page!).ToArray());
        Assert.Equal("V1", nav[3].Children[1].Title);
        Assert.Equal(["how_to/index.md", "how_to/z.md"], nav[4].Pages().Select(p => p.Page!).ToArray());
    }

    [Theory]
    [InlineData("getting-started", "Getting started")]
    [InlineData("API_docs", "API docs")]
    public void Folder_titles_follow_mkdocs(string folder, string title) => Assert.Equal(title, PageDiscovery.FolderTitle(folder));
}
