using System.Text.Json.Nodes;
using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Tests.Query;

public sealed class EntityFilterMatcherTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {
          "kind": "Component",
          "metadata": { "name": "Petstore", "tags": ["java", "Web"], "annotations": { "backstage.io/orphan": "true" } },
          "spec": { "type": "service" },
          "relations": [ { "type": "ownedBy", "targetRef": "group:default/team-a" } ]
        }
        """)!.AsObject();

    [Theory]
    [InlineData("kind=component", true)]
    [InlineData("kind=component,spec.type=website", false)]
    [InlineData("metadata.name=petstore", true)]
    [InlineData("metadata.tags=web", true)]
    [InlineData("metadata.annotations.backstage.io/orphan", true)]
    [InlineData("spec.lifecycle", false)]
    [InlineData("relations.ownedby=group:default/team-a", true)]
    [InlineData("relations.ownedBy=Group:default/Team-A", true)]
    [InlineData("relations.ownedby=group:default/team-b", false)]
    public void Matches_like_the_store(string filter, bool expected) =>
        Assert.Equal(expected, EntityFilterMatcher.Matches(EntityFilterParser.Parse([filter]), Entity));

    [Fact]
    public void Any_alternative_is_enough() =>
        Assert.True(EntityFilterMatcher.Matches(EntityFilterParser.Parse(["kind=api", "spec.type=service"]), Entity));
}
