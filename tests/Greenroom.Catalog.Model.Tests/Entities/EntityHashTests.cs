using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Catalog.Model.Tests.Entities;

public sealed class EntityHashTests
{
    [Fact]
    public void Same_content_in_a_different_key_order_hashes_the_same()
    {
        var a = JsonNode.Parse("""{ "kind": "A", "metadata": { "name": "x", "tags": ["a", "b"] } }""");
        var b = JsonNode.Parse("""{ "metadata": { "tags": ["a", "b"], "name": "x" }, "kind": "A" }""");

        Assert.Equal(EntityHash.Compute(a), EntityHash.Compute(b));
        Assert.Matches("^[0-9a-f]{64}$", EntityHash.Compute(a));
    }

    [Fact]
    public void Any_change_of_content_changes_the_hash()
    {
        var a = EntityHash.Compute(JsonNode.Parse("""{ "tags": ["a", "b"] }"""));

        Assert.NotEqual(a, EntityHash.Compute(JsonNode.Parse("""{ "tags": ["b", "a"] }""")));
        Assert.NotEqual(a, EntityHash.Compute(JsonNode.Parse("""{ "tags": ["a", "b", null] }""")));
        Assert.NotEqual(EntityHash.Compute(JsonNode.Parse("""{ "n": 1 }""")), EntityHash.Compute(JsonNode.Parse("""{ "n": "1" }""")));
    }
}
