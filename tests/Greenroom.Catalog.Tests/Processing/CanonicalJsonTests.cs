using System.Text.Json;
using Greenroom.Catalog.Processing;

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
}
