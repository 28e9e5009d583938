using System.Text.Json.Nodes;
using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class EntityFieldsProjectionTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {
          "apiVersion": "backstage.io/v1alpha1",
          "kind": "Component",
          "metadata": {
            "name": "petstore",
            "annotations": { "backstage.io/orphan": "true", "github.com/project-slug": "acme/petstore" }
          },
          "spec": { "type": "service", "owner": "team-a" },
          "relations": [ { "type": "ownedBy", "targetRef": "group:default/team-a" } ]
        }
        """)!.AsObject();

    [Fact]
    public void Keeps_only_the_named_paths()
    {
        var projection = EntityFieldsProjection.Parse(["kind,metadata.name", "relations"])!;

        var result = projection.Apply(Entity);

        Assert.Equal(
            """{"kind":"Component","metadata":{"name":"petstore"},"relations":[{"type":"ownedBy","targetRef":"group:default/team-a"}]}""",
            result.ToJsonString());
    }

    [Fact]
    public void Reaches_annotation_keys_that_contain_dots()
    {
        var result = EntityFieldsProjection.Parse(["metadata.annotations.backstage.io/orphan"])!.Apply(Entity);

        Assert.Equal("""{"metadata":{"annotations":{"backstage.io/orphan":"true"}}}""", result.ToJsonString());
    }

    [Fact]
    public void Leaves_out_paths_the_entity_does_not_have()
    {
        var result = EntityFieldsProjection.Parse(["spec.lifecycle", "metadata.name"])!.Apply(Entity);

        Assert.Equal("""{"metadata":{"name":"petstore"}}""", result.ToJsonString());
    }

    [Fact]
    public void No_fields_means_no_projection() => Assert.Null(EntityFieldsProjection.Parse(["", " , "]));

    [Fact]
    public void Array_syntax_is_an_input_error() =>
        Assert.Throws<CatalogInputException>(() => EntityFieldsProjection.Parse(["relations[0]"]));
}
