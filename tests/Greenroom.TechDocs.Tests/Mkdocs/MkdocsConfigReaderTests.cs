using Greenroom.TechDocs.Mkdocs;
using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Tests.Mkdocs;

public sealed class MkdocsConfigReaderTests
{
    [Fact]
    public void Reads_site_name_description_docs_dir_and_nested_nav_ignoring_unknown_keys()
    {
        var config = MkdocsConfigReader.Parse("""
            site_name: Parcel Tracking
            site_description: How tracking works
            docs_dir: documentation
            theme:
              name: material
            plugins:
              - techdocs-core
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
            nav:
              - Home: index.md
              - Guides:
                  - Setup: guides/setup.md
                  - guides/operate.md
                  - Deep:
                      - Internals: guides/deep/internals.md
              - Status page: https://status.halyard.example
            """);

        Assert.Equal(("Parcel Tracking", "How tracking works", "documentation"), (config.SiteName, config.SiteDescription, config.DocsDir));
        var nav = config.Nav!;
        Assert.Equal(3, nav.Count);
        Assert.Equal(("Home", "index.md", 12), (nav[0].Title, nav[0].Page, nav[0].Line));
        Assert.True(nav[1].IsSection);
        Assert.Equal(["guides/setup.md", "guides/operate.md", "guides/deep/internals.md"], nav[1].Pages().Select(p => p.Page!).ToArray());
        Assert.Null(nav[1].Children[1].Title);
        Assert.Equal("Internals", nav[1].Children[2].Children[0].Title);
        Assert.Equal(("Status page", "https://status.halyard.example"), (nav[2].Title, nav[2].Url));
    }

    [Fact]
    public void Defaults_docs_dir_and_leaves_nav_absent()
    {
        var config = MkdocsConfigReader.Parse("site_name: 'Backstage Demo'\n\nplugins:\n  - techdocs-core\n");

        Assert.Equal(("Backstage Demo", "docs", null), (config.SiteName, config.DocsDir, config.Nav));
    }

    [Fact]
    public void Bad_yaml_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<DocsBuildException>(() => MkdocsConfigReader.Parse("site_name: x\nnav:\n  - Home: index.md\n   - bad: [\n"));

        Assert.Equal(("mkdocs.yml", DocsProblem.Error), (error.Problem.File, error.Problem.Severity));
        Assert.InRange(error.Problem.Line!.Value, 3, 5);
        Assert.StartsWith("Invalid YAML", error.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs_dir: docs\n", "site_name is required", 1)]
    [InlineData("- a\n- b\n", "must be a mapping", 1)]
    [InlineData("site_name: x\nnav: index.md\n", "nav must be a list", 2)]
    [InlineData("site_name: x\nnav:\n  - Home: index.md\n    Other: other.md\n", "single 'Title: page' pair", 3)]
    [InlineData("site_name: [a, b]\n", "site_name must be a single value", 1)]
    public void Invalid_configuration_is_an_error_with_its_line(string yaml, string message, int line)
    {
        var error = Assert.Throws<DocsBuildException>(() => MkdocsConfigReader.Parse(yaml));

        Assert.Contains(message, error.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Problem.Line);
    }

    [Fact]
    public void Aliased_nav_that_would_explode_is_refused()
    {
        var yaml = "site_name: x\na: &a [p.md, p.md, p.md, p.md, p.md, p.md, p.md, p.md, p.md, p.md]\n";
        var previous = "a";
        for (var i = 0; i < 6; i++)
        {
            yaml += $"l{i}: &l{i} [{{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}, {{S: *{previous}}}]\n";
            previous = $"l{i}";
        }

        var error = Assert.Throws<DocsBuildException>(() => MkdocsConfigReader.Parse(yaml + $"nav: *{previous}\n"));

        Assert.Contains("more than", error.Problem.Message, StringComparison.Ordinal);
    }
}
