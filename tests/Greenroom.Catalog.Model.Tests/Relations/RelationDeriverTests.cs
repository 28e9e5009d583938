using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Catalog.Model.Tests.Relations;

public sealed class RelationDeriverTests
{
    private static (IReadOnlyList<EntityRelation> Relations, List<CatalogProblem> Problems) Derive(string kind, string specJson, string ns = "default")
    {
        var entity = new JsonObject
        {
            ["apiVersion"] = "backstage.io/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "Me", ["namespace"] = ns },
            ["spec"] = JsonNode.Parse(specJson),
        };
        var problems = new List<CatalogProblem>();
        var relations = RelationDeriver.Derive(entity, EntityFields.RefOf(entity)!.Value, problems);
        return (relations, problems);
    }

    private static string[] Lines(IReadOnlyList<EntityRelation> relations) =>
        relations.Select(r => $"{r.SourceRef} {r.Type} {r.TargetRef}").ToArray();

    [Fact]
    public void Component_emits_every_relation_in_both_directions_with_default_kinds()
    {
        var (relations, problems) = Derive("Component", """
            { "owner": "Team-A", "system": "audio", "subcomponentOf": "player", "providesApis": ["play-api"],
              "consumesApis": ["other/Search-API"], "dependsOn": ["resource:db"], "dependencyOf": ["component:web"] }
            """);

        Assert.Empty(problems);
        Assert.Equal(
            [
                "component:default/me ownedBy group:default/team-a", "group:default/team-a ownerOf component:default/me",
                "component:default/me partOf component:default/player", "component:default/player hasPart component:default/me",
                "component:default/me providesApi api:default/play-api", "api:default/play-api apiProvidedBy component:default/me",
                "component:default/me consumesApi api:other/search-api", "api:other/search-api apiConsumedBy component:default/me",
                "component:default/me dependsOn resource:default/db", "resource:default/db dependencyOf component:default/me",
                "component:default/me dependencyOf component:default/web", "component:default/web dependsOn component:default/me",
                "component:default/me partOf system:default/audio", "system:default/audio hasPart component:default/me",
            ],
            Lines(relations));
    }

    [Fact]
    public void Targets_default_to_the_entity_own_namespace()
    {
        var (relations, _) = Derive("API", """{ "owner": "user:jane", "system": "other/sys" }""", ns: "music");

        Assert.Equal(
            [
                "api:music/me ownedBy user:music/jane", "user:music/jane ownerOf api:music/me",
                "api:music/me partOf system:other/sys", "system:other/sys hasPart api:music/me",
            ],
            Lines(relations));
    }

    [Fact]
    public void Depends_on_without_a_kind_is_a_problem_and_yields_no_relation()
    {
        var (relations, problems) = Derive("Resource", """{ "owner": "t", "dependsOn": ["db", "resource:ok"] }""");

        Assert.Equal("spec.dependsOn[0]", Assert.Single(problems).Field);
        Assert.Contains("resource:default/me dependsOn resource:default/ok", Lines(relations));
        Assert.DoesNotContain(relations, r => r.TargetRef.EndsWith("/db", StringComparison.Ordinal));
        Assert.Equal(
            ["resource:default/me ownedBy group:default/t", "group:default/t ownerOf resource:default/me", "resource:default/me dependsOn resource:default/ok", "resource:default/ok dependencyOf resource:default/me"],
            Lines(relations));
    }

    [Fact]
    public void System_and_domain_relations()
    {
        Assert.Equal(
            ["system:default/me ownedBy group:default/t", "group:default/t ownerOf system:default/me", "system:default/me partOf domain:default/d", "domain:default/d hasPart system:default/me"],
            Lines(Derive("System", """{ "owner": "t", "domain": "d" }""").Relations));
        Assert.Equal(
            ["domain:default/me ownedBy group:default/t", "group:default/t ownerOf domain:default/me", "domain:default/me partOf domain:default/parent", "domain:default/parent hasPart domain:default/me"],
            Lines(Derive("Domain", """{ "owner": "t", "subdomainOf": "parent" }""").Relations));
    }

    [Fact]
    public void Group_and_user_membership_relations()
    {
        Assert.Equal(
            [
                "group:default/me childOf group:default/root", "group:default/root parentOf group:default/me",
                "group:default/me parentOf group:default/kid", "group:default/kid childOf group:default/me",
                "group:default/me hasMember user:default/jane", "user:default/jane memberOf group:default/me",
            ],
            Lines(Derive("Group", """{ "type": "team", "parent": "root", "children": ["kid"], "members": ["jane"] }""").Relations));
        Assert.Equal(
            ["user:default/me memberOf group:default/team-a", "group:default/team-a hasMember user:default/me"],
            Lines(Derive("User", """{ "memberOf": ["Team-A"] }""").Relations));
    }

    [Fact]
    public void Template_owner_relation_and_no_relations_for_location()
    {
        Assert.Equal(
            ["template:default/me ownedBy group:default/t", "group:default/t ownerOf template:default/me"],
            Lines(Derive("Template", """{ "owner": "t", "type": "service", "steps": [] }""").Relations));
        Assert.Empty(Derive("Location", """{ "targets": ["./a.yaml"] }""").Relations);
    }

    [Fact]
    public void Every_emitted_type_has_its_inverse_emitted_too()
    {
        var (relations, _) = Derive("Component", """{ "owner": "a", "system": "b", "providesApis": ["c"], "consumesApis": ["d"] }""");

        foreach (var relation in relations)
        {
            Assert.Contains(new EntityRelation(relation.TargetRef, RelationTypes.InverseOf(relation.Type)!, relation.SourceRef), relations);
        }
    }
}
