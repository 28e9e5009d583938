namespace Greenroom.Catalog.Model.Relations;

/// <summary>The relation types Backstage derives from spec fields, and the inverse of each.</summary>
public static class RelationTypes
{
    public const string OwnedBy = "ownedBy";
    public const string OwnerOf = "ownerOf";
    public const string ConsumesApi = "consumesApi";
    public const string ApiConsumedBy = "apiConsumedBy";
    public const string ProvidesApi = "providesApi";
    public const string ApiProvidedBy = "apiProvidedBy";
    public const string DependsOn = "dependsOn";
    public const string DependencyOf = "dependencyOf";
    public const string ParentOf = "parentOf";
    public const string ChildOf = "childOf";
    public const string MemberOf = "memberOf";
    public const string HasMember = "hasMember";
    public const string PartOf = "partOf";
    public const string HasPart = "hasPart";

    private static readonly Dictionary<string, string> Inverses = new(StringComparer.Ordinal)
    {
        [OwnedBy] = OwnerOf, [OwnerOf] = OwnedBy,
        [ConsumesApi] = ApiConsumedBy, [ApiConsumedBy] = ConsumesApi,
        [ProvidesApi] = ApiProvidedBy, [ApiProvidedBy] = ProvidesApi,
        [DependsOn] = DependencyOf, [DependencyOf] = DependsOn,
        [ParentOf] = ChildOf, [ChildOf] = ParentOf,
        [MemberOf] = HasMember, [HasMember] = MemberOf,
        [PartOf] = HasPart, [HasPart] = PartOf,
    };

    /// <summary>The inverse of a known relation type, or null for a type this model does not know.</summary>
    public static string? InverseOf(string type) => Inverses.GetValueOrDefault(type);
}
