using System.Text.Json.Nodes;
using Greenroom.Catalog.Processing;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class HashedJsonTests
{
    private static JsonObject Entity(string description) => JsonNode.Parse($$"""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"a","description":"{{description}}","tags":["x","y"]},
         "spec":{"type":"service","owner":"team-a","count":3,"flag":true,"nothing":null,"text":"ünïcode <b> & \"quoted\""} }
        """)!.AsObject();

    [Fact]
    public void Its_json_is_exactly_what_ToJsonString_writes()
    {
        var entity = Entity("plain");

        using var json = HashedJson.Of(entity, "file:/a.yaml");

        Assert.Equal(entity.ToJsonString(), json.ToJsonString());
    }

    [Fact]
    public void The_same_content_gives_the_same_hash_and_any_change_or_another_suffix_a_different_one()
    {
        var hash = HashedJson.HashOf(Entity("plain"), "file:/a.yaml");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, HashedJson.HashOf(Entity("plain"), "file:/a.yaml"));
        Assert.NotEqual(hash, HashedJson.HashOf(Entity("plain."), "file:/a.yaml"));
        Assert.NotEqual(hash, HashedJson.HashOf(Entity("plain"), "file:/b.yaml"));
    }

    [Fact]
    public void A_large_entity_grows_the_buffer_and_keeps_every_byte()
    {
        var entity = Entity(new string('d', 100_000));

        using var json = HashedJson.Of(entity, new string('s', 10_000));

        Assert.Equal(entity.ToJsonString(), json.ToJsonString());
    }
}
