using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Tests.Sites;

public sealed class DocsPathsTests
{
    [Theory]
    [InlineData("index.md", "")]
    [InlineData("README.md", "")]
    [InlineData("guide/setup.md", "guide/setup/")]
    [InlineData("guide/index.md", "guide/")]
    [InlineData("a/b/c.md", "a/b/c/")]
    public void Pages_are_served_directory_style(string file, string path) => Assert.Equal(path, DocsPaths.PagePath(file));

    [Theory]
    [InlineData("guide", "../index.md", "index.md")]
    [InlineData("guide", "./a/../b.md", "guide/b.md")]
    [InlineData("", "..", null)]
    [InlineData("guide", "../../x", null)]
    [InlineData("", "/etc/passwd", null)]
    [InlineData("", "C:/x", null)]
    public void Combines_relative_paths_and_refuses_escapes(string folder, string relative, string? expected) =>
        Assert.Equal(expected, DocsPaths.Combine(folder, relative));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("index.html", "")]
    [InlineData("guide/setup", "guide/setup/")]
    [InlineData("guide/setup/", "guide/setup/")]
    [InlineData("guide/setup/index.html", "guide/setup/")]
    [InlineData("guide%2Fsetup", "guide/setup/")]
    [InlineData("../secret", null)]
    [InlineData("..%2F..%2Fsecret", null)]
    public void Normalizes_requested_page_paths(string? requested, string? expected) => Assert.Equal(expected, DocsPaths.NormalizeRequest(requested));
}
