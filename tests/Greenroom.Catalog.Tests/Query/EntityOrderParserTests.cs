using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class EntityOrderParserTests
{
    [Fact]
    public void Order_parameters_read_direction_colon_field()
    {
        var order = EntityOrderParser.ParseOrder(["asc:metadata.name", "DESC:Spec.Type"]);

        Assert.Equal([new EntityOrder("metadata.name", false), new EntityOrder("spec.type", true)], order);
    }

    [Theory]
    [InlineData("metadata.name")]
    [InlineData("up:metadata.name")]
    [InlineData("asc:")]
    public void A_malformed_order_is_an_input_error(string parameter)
    {
        var error = Assert.Throws<CatalogInputException>(() => EntityOrderParser.ParseOrder([parameter]));

        Assert.Contains("Invalid order parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_fields_read_field_comma_direction_defaulting_to_ascending()
    {
        var order = EntityOrderParser.ParseOrderFields(["metadata.name", "spec.owner,desc"]);

        Assert.Equal([new EntityOrder("metadata.name", false), new EntityOrder("spec.owner", true)], order);
    }

    [Theory]
    [InlineData("metadata.name,sideways")]
    [InlineData(",asc")]
    [InlineData("a,asc,b")]
    public void A_malformed_order_field_is_an_input_error(string parameter) =>
        Assert.Throws<CatalogInputException>(() => EntityOrderParser.ParseOrderFields([parameter]));
}
