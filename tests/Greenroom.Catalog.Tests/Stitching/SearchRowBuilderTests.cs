using System.Text.Json.Nodes;
using Greenroom.Catalog.Stitching;

namespace Greenroom.Catalog.Tests.Stitching;

public sealed class SearchRowBuilderTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {
          "apiVersion": "backstage.io/v1alpha1",
          "kind": "Component",
          "metadata": { "name": "Petstore", "uid": "u-1", "etag": "e", "tags": ["Java", "web"], "annotations": { "a/b": "X" } },
          "spec": { "type": "service", "owner": "Team-A", "replicas": 3, "public": true, "nothing": null },
          "relations": [ { "type": "ownedBy", "targetRef": "group:default/team-a" } ],
          "status": { "items": [ { "level": "error" } ] }
        }
        """)!.AsObject();

    private static readonly IReadOnlyList<Greenroom.Catalog.Store.SearchRow> Rows = SearchRowBuilder.Build(Entity);

    private static IEnumerable<string?> Values(string key) => Rows.Where(r => r.Key == key).Select(r => r.Value);

    [Fact]
    public void Flattens_to_lower_cased_dotted_keys_and_values_keeping_the_original()
    {
        var owner = Assert.Single(Rows, r => r.Key == "spec.owner");
        Assert.Equal("team-a", owner.Value);
        Assert.Equal("Team-A", owner.OriginalValue);
        Assert.Equal(["x"], Values("metadata.annotations.a/b"));
        Assert.Equal(["3"], Values("spec.replicas"));
        Assert.Equal(["true"], Values("spec.public"));
        Assert.Equal([null], Values("spec.nothing"));
    }

    [Fact]
    public void Arrays_give_one_row_per_item_plus_an_item_key()
    {
        Assert.Equal(["java", "web"], Values("metadata.tags").Order());
        Assert.Equal(["true"], Values("metadata.tags.java"));
    }

    [Fact]
    public void Relations_become_rows_by_type_and_special_keys_are_not_traversed()
    {
        Assert.Equal(["group:default/team-a"], Values("relations.ownedby"));
        Assert.DoesNotContain(Rows, r => r.Key.StartsWith("status", StringComparison.Ordinal));
        Assert.DoesNotContain(Rows, r => r.Key == "metadata.etag");
        Assert.DoesNotContain(Rows, r => r.Key.StartsWith("relations.type", StringComparison.Ordinal));
        Assert.Equal(["petstore"], Values("metadata.name"));
        Assert.Equal(["u-1"], Values("metadata.uid"));
    }

    [Fact]
    public void Namespace_defaults_and_long_values_keep_only_the_key()
    {
        var entity = new JsonObject
        {
            ["kind"] = "Component",
            ["metadata"] = new JsonObject { ["name"] = "a", ["description"] = new string('d', 300) },
        };

        var rows = SearchRowBuilder.Build(entity);

        Assert.Contains(rows, r => r.Key == "metadata.namespace" && r.Value == "default");
        var description = Assert.Single(rows, r => r.Key == "metadata.description");
        Assert.Null(description.Value);
    }
}
