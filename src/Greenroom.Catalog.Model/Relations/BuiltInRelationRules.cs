using static Greenroom.Catalog.Model.Relations.RelationTypes;

namespace Greenroom.Catalog.Model.Relations;

/// <summary>
/// The relations Backstage's <c>BuiltinKindsEntityProcessor</c> (and the scaffolder's processor, for Template owners)
/// emits per kind. Kinds match case-sensitively, as there.
/// </summary>
internal static class BuiltInRelationRules
{
    private static readonly RelationRule Owner = new("owner", "Group", OwnedBy, OwnerOf);
    private static readonly RelationRule System = new("system", "System", PartOf, HasPart);
    private static readonly RelationRule DependsOnAny = new("dependsOn", null, DependsOn, DependencyOf);
    private static readonly RelationRule DependencyOfAny = new("dependencyOf", null, DependencyOf, DependsOn);

    public static IReadOnlyDictionary<string, IReadOnlyList<RelationRule>> ByKind { get; } =
        new Dictionary<string, IReadOnlyList<RelationRule>>(StringComparer.Ordinal)
        {
            ["Component"] =
            [
                Owner,
                new("subcomponentOf", "Component", PartOf, HasPart),
                new("providesApis", "API", ProvidesApi, ApiProvidedBy),
                new("consumesApis", "API", ConsumesApi, ApiConsumedBy),
                DependsOnAny,
                DependencyOfAny,
                System,
            ],
            ["API"] = [Owner, System],
            ["Resource"] = [Owner, DependsOnAny, DependencyOfAny, System],
            ["User"] = [new("memberOf", "Group", MemberOf, HasMember)],
            ["Group"] =
            [
                new("parent", "Group", ChildOf, ParentOf),
                new("children", "Group", ParentOf, ChildOf),
                new("members", "User", HasMember, MemberOf),
            ],
            ["System"] = [Owner, new("domain", "Domain", PartOf, HasPart)],
            ["Domain"] = [Owner, new("subdomainOf", "Domain", PartOf, HasPart)],
            ["Template"] = [Owner],
        };
}
