using System.Text;
using Greenroom.Catalog.Locations;

namespace Greenroom.Catalog.Tests.Locations;

public sealed class BoundedTextTests
{
    [Fact]
    public async Task Reads_everything_when_the_stream_is_longer_than_expected()
    {
        var text = string.Concat(Enumerable.Repeat("name: a-longer-line\n", 500));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        // The file grew between the size check and the read: the buffer grows with it.
        using var content = await BoundedText.ReadContentAsync(stream, maxBytes: 1024 * 1024, expectedBytes: 10, "a.yaml", CancellationToken.None);

        Assert.Equal(text, content.ToText());
    }

    [Fact]
    public async Task Refuses_a_stream_over_the_limit_even_when_expected_smaller()
    {
        using var stream = new MemoryStream(new byte[5000]);

        await Assert.ThrowsAsync<LocationReadException>(
            () => BoundedText.ReadContentAsync(stream, maxBytes: 4096, expectedBytes: 100, "a.yaml", CancellationToken.None));
    }

    [Fact]
    public void Decodes_utf8_without_its_byte_order_mark()
    {
        Assert.Equal("kind: Group", BoundedText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("kind: Group")]));
    }
}
