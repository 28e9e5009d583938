namespace Greenroom.Web.Entities;

/// <summary>Human headings for relation types.</summary>
public static class RelationLabels
{
    /// <summary>"ownedBy" → "Owned by".</summary>
    public static string For(string relationType) => relationType switch
    {
        "ownedBy" => "Owned by",
        "ownerOf" => "Owner of",
        "partOf" => "Part of",
        "hasPart" => "Has part",
        "consumesApi" => "Consumes API",
        "apiConsumedBy" => "API consumed by",
        "providesApi" => "Provides API",
        "apiProvidedBy" => "API provided by",
        "dependsOn" => "Depends on",
        "dependencyOf" => "Dependency of",
        "parentOf" => "Parent of",
        "childOf" => "Child of",
        "memberOf" => "Member of",
        "hasMember" => "Has member",
        _ => relationType,
    };
}
