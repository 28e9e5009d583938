using Greenroom.Catalog.Locations;

namespace Greenroom.Catalog.Tests.Locations;

public sealed class SourceResolverTests
{
    private static readonly SourceAddress File = new("file", "/srv/catalog/teams/a.yaml");

    [Fact]
    public void Resolves_relative_files_against_the_naming_file()
    {
        var resolved = SourceResolver.Resolve(File, "/srv/catalog", null, "../apis/b.yaml");

        Assert.Equal(new SourceAddress("file", "/srv/catalog/apis/b.yaml"), resolved);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../../catalog-other/x.yaml")]
    public void Refuses_paths_that_leave_the_root(string target)
    {
        var exception = Assert.Throws<LocationReadException>(() => SourceResolver.Resolve(File, "/srv/catalog", null, target));

        Assert.Equal("NotAllowedError", exception.Name);
        Assert.Contains("outside the location's root folder", exception.Message);
    }

    [Fact]
    public void Resolves_relative_targets_of_a_url_location_as_sibling_urls()
    {
        var from = new SourceAddress("url", "http://127.0.0.1:8080/repo/catalog-info.yaml");

        var resolved = SourceResolver.Resolve(from, "http://127.0.0.1:8080/repo/", null, "./apis/a.yaml");

        Assert.Equal(new SourceAddress("url", "http://127.0.0.1:8080/repo/apis/a.yaml"), resolved);
    }

    [Fact]
    public void Refuses_local_files_named_by_a_url_location()
    {
        var from = new SourceAddress("url", "http://127.0.0.1:8080/repo/catalog-info.yaml");

        Assert.Throws<LocationReadException>(() => SourceResolver.Resolve(from, "http://127.0.0.1:8080/repo/", "file", "/etc/passwd"));
    }

    [Fact]
    public void The_root_of_a_glob_is_its_base_directory()
    {
        Assert.Equal("/srv/catalog", SourceResolver.RootOf(new SourceAddress("file", "/srv/catalog/**/*.yaml")));
        Assert.Equal("/srv/catalog/teams", SourceResolver.RootOf(File));
        Assert.Equal("https://example.com/org/repo/", SourceResolver.RootOf(new SourceAddress("url", "https://example.com/org/repo/catalog.yaml?ref=main")));
    }
}
