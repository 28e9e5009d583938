using System.Text.Json.Nodes;
using Greenroom.Catalog.Processing;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Key_order_does_not_change_the_hash()
    {
        var a = JsonNode.Parse("""{"kind":"Component","metadata":{"name":"a","tags":["x","y"]}}""");
        var b = JsonNode.Parse("""{"metadata":{"tags":["x","y"],"name":"a"},"kind":"Component"}""");

        Assert.Equal(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
    }

    [Fact]
    public void Content_array_order_and_suffix_change_the_hash()
    {
        var a = JsonNode.Parse("""{"tags":["x","y"]}""");
        var b = JsonNode.Parse("""{"tags":["y","x"]}""");

        Assert.NotEqual(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
        Assert.NotEqual(CanonicalJson.Hash(a, "file:/a.yaml"), CanonicalJson.Hash(a, "file:/b.yaml"));
        Assert.Matches("^[0-9a-f]{64}$", CanonicalJson.Hash(a));
    }
}
