using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Tests.Stitching;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Key_order_does_not_change_the_hash()
    {
        using var a = JsonDocument.Parse("""{"kind":"Component","metadata":{"name":"a","tags":["x","y"]}}""");
        using var b = JsonDocument.Parse("""{"metadata":{"tags":["x","y"],"name":"a"},"kind":"Component"}""");

        Assert.Equal(CanonicalJson.Hash(a.RootElement), CanonicalJson.Hash(b.RootElement));
    }

    [Fact]
    public void Content_array_order_and_suffix_change_the_hash()
    {
        using var a = JsonDocument.Parse("""{"tags":["x","y"]}""");
        using var b = JsonDocument.Parse("""{"tags":["y","x"]}""");

        Assert.NotEqual(CanonicalJson.Hash(a.RootElement), CanonicalJson.Hash(b.RootElement));
        Assert.NotEqual(CanonicalJson.Hash(a.RootElement, "file:/a.yaml"), CanonicalJson.Hash(a.RootElement, "file:/b.yaml"));
        Assert.Matches("^[0-9a-f]{64}$", CanonicalJson.Hash(a.RootElement));
    }

    [Theory]
    [InlineData("""{"b":1,"a":{"d":[{"z":1,"y":2}],"c":null},"A":true}""")]
    [InlineData("""{"a":1,"b":{"c":2,"d":[3,{"e":4,"f":5}]}}""")]
    [InlineData("""{"\u00e9t\u00e9":1,"ete":2,"\ud83d\ude00":3,"\uffff":4,"z\"q":5,"a<b":6,"a+b":7,"a\/b":8}""")]
    [InlineData("""{"metadata":{"name":"x","annotations":{"b/c":"1","a/b":"\u00e9"}},"kind":"K","apiVersion":"v1"}""")]
    [InlineData("""{"n":1.50,"e":1E5,"s":"tab\there","":{"":[]}}""")]
    public void Hashes_as_the_frozen_string_sorting_reference(string json)
    {
        // Names are compared as bytes when they are plain ASCII and as strings otherwise: the hash must not tell.
        using var document = JsonDocument.Parse(json);
        var expected = NodeTreeFinalEntityBuilder.CanonicalHash(JsonNode.Parse(json)!);

        Assert.Equal(expected, CanonicalJson.Hash(document.RootElement));
    }
}
