using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Tests.Support;

namespace Greenroom.Catalog.Tests.Locations;

public sealed class FileSourceReaderTests
{
    [Fact]
    public async Task Rejects_a_50_MB_file_before_reading_it()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.yaml");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var exception = await Assert.ThrowsAsync<LocationReadException>(
            () => new FileSourceReader().ReadTextAsync(path, 1024 * 1024, CancellationToken.None));

        // The exact size in the message comes from the up-front check; a streaming read would stop without knowing it.
        Assert.Contains("52428800 bytes, larger than the limit of 1048576 bytes", exception.Message);
    }

    [Fact]
    public async Task Missing_file_is_a_not_found_error()
    {
        using var folder = new TempFolder();

        var exception = await Assert.ThrowsAsync<LocationReadException>(
            () => new FileSourceReader().ReadTextAsync(Path.Combine(folder.Path, "nope.yaml"), 1024, CancellationToken.None));

        Assert.Equal("NotFoundError", exception.Name);
    }

    [Fact]
    public void Expands_a_glob_to_sorted_files()
    {
        using var folder = new TempFolder();
        folder.Write("b/catalog-info.yaml", "x");
        folder.Write("a/catalog-info.yaml", "x");
        folder.Write("a/other.txt", "x");

        var files = new FileSourceReader().Expand(Path.Combine(folder.Path, "**/*.yaml"));

        Assert.Equal([Path.Combine(folder.Path, "a/catalog-info.yaml"), Path.Combine(folder.Path, "b/catalog-info.yaml")], files);
    }
}
