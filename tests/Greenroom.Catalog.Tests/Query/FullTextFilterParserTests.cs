using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class FullTextFilterParserTests
{
    [Fact]
    public void Searches_name_and_title_when_no_fields_are_given()
    {
        var filter = FullTextFilterParser.Parse(" Pet ", []);

        Assert.Equal("pet", filter!.Term);
        Assert.Equal(["metadata.name", "metadata.title"], filter.Fields);
    }

    [Fact]
    public void Uses_the_given_comma_separated_fields_lower_cased()
    {
        var filter = FullTextFilterParser.Parse("pet", ["metadata.Description,spec.owner"]);

        Assert.Equal(["metadata.description", "spec.owner"], filter!.Fields);
    }

    [Fact]
    public void A_blank_term_means_no_full_text_filter() => Assert.Null(FullTextFilterParser.Parse("  ", ["metadata.name"]));
}
