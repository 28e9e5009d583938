using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class QueryCursorCodecTests
{
    private static readonly QueryCursor Cursor = new(
        new EntityFilter([new FilterAlternative([new FilterCondition("kind", ["component", "api"]), new FilterCondition("spec.owner", null)])]),
        [new EntityOrder("metadata.name", true)],
        new FullTextFilter("pet", ["metadata.name", "metadata.title"]),
        ["petstore"],
        "component:default/petstore",
        IsPrevious: true,
        TotalItems: 42);

    [Fact]
    public void Round_trips_every_field()
    {
        var decoded = QueryCursorCodec.Decode(QueryCursorCodec.Encode(Cursor));

        Assert.Equal(Cursor.EntityRef, decoded.EntityRef);
        Assert.Equal(Cursor.SortValues, decoded.SortValues);
        Assert.Equal(Cursor.OrderFields, decoded.OrderFields);
        Assert.Equal(Cursor.FullText!.Term, decoded.FullText!.Term);
        Assert.Equal(Cursor.FullText.Fields, decoded.FullText.Fields);
        Assert.True(decoded.IsPrevious);
        Assert.Equal(42, decoded.TotalItems);
        var conditions = Assert.Single(decoded.Filter!.AnyOf).AllOf;
        Assert.Equal(["component", "api"], conditions[0].Values!);
        Assert.Null(conditions[1].Values);
    }

    [Fact]
    public void Is_base64_json_in_backstage_terms()
    {
        var json = JsonNode.Parse(Convert.FromBase64String(QueryCursorCodec.Encode(Cursor)))!.AsObject();

        Assert.Equal("desc", json["orderFields"]![0]!["order"]!.GetValue<string>());
        Assert.Equal(["petstore", "component:default/petstore"], json["orderFieldValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(json["isPrevious"]!.GetValue<bool>());
        Assert.Equal(42, json["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public void Keeps_null_sort_values_for_rows_lacking_the_field()
    {
        var decoded = QueryCursorCodec.Decode(QueryCursorCodec.Encode(Cursor with { SortValues = [null] }));

        Assert.Equal([null], decoded.SortValues);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void Garbage_is_a_malformed_cursor(string text)
    {
        var error = Assert.Throws<CatalogInputException>(() => QueryCursorCodec.Decode(text));

        Assert.StartsWith("Malformed cursor", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"orderFields":[],"orderFieldValues":["a"],"isPrevious":false}""")]
    [InlineData("""{"orderFields":[{"field":"metadata.name","order":"asc"}],"orderFieldValues":["a"],"isPrevious":false,"totalItems":1}""")]
    [InlineData("""{"orderFields":[{"field":"metadata.name","order":"up"}],"orderFieldValues":["a","b"],"isPrevious":false,"totalItems":1}""")]
    [InlineData("""{"orderFields":[],"orderFieldValues":[3],"isPrevious":false,"totalItems":1}""")]
    public void A_cursor_with_missing_or_inconsistent_fields_is_malformed(string json) =>
        Assert.Throws<CatalogInputException>(() => QueryCursorCodec.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
}
