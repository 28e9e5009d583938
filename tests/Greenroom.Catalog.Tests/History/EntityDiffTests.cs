using System.Text.Json.Nodes;
using Greenroom.Catalog.History;

namespace Greenroom.Catalog.Tests.History;

public sealed class EntityDiffTests
{
    [Fact]
    public void Reports_added_removed_and_replaced_fields_with_dotted_paths_ignoring_the_etag()
    {
        var before = JsonNode.Parse("""{"metadata":{"name":"a","etag":"1","description":"old","tags":["x"]},"spec":{"owner":"t"}}""")!.AsObject();
        var after = JsonNode.Parse("""{"metadata":{"name":"a","etag":"2","tags":["x","y"]},"spec":{"owner":"u","system":"s"}}""")!.AsObject();

        var diff = EntityDiff.Compute(before, after).Select(c => $"{c!["op"]} {c["path"]} {c["old"]?.ToJsonString()} {c["new"]?.ToJsonString()}").ToList();

        Assert.Equal(
            [
                "remove metadata.description \"old\" ",
                "replace metadata.tags [\"x\"] [\"x\",\"y\"]",
                "replace spec.owner \"t\" \"u\"",
                "add spec.system  \"s\"",
            ],
            diff);
    }

    [Fact]
    public void A_new_entity_is_one_add_per_top_level_field()
    {
        var after = JsonNode.Parse("""{"kind":"Component","metadata":{"name":"a"}}""")!.AsObject();

        var diff = EntityDiff.Compute(null, after);

        Assert.Equal(["kind", "metadata"], diff.Select(c => (string?)c!["path"]));
    }
}
