using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class OffsetCursorTests
{
    [Fact]
    public void Encodes_limit_and_offset_as_backstage_does()
    {
        var cursor = OffsetCursor.Encode(2, 2);

        Assert.Equal("eyJsaW1pdCI6Miwib2Zmc2V0IjoyfQ==", cursor);
        Assert.Equal((2, 2), OffsetCursor.Decode(cursor));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("eyJsaW1pdCI6ImEifQ==")]
    public void A_malformed_after_cursor_is_an_input_error(string after) =>
        Assert.Throws<CatalogInputException>(() => OffsetCursor.Decode(after));
}
