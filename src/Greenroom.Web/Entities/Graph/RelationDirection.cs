namespace Greenroom.Web.Entities.Graph;

/// <summary>
/// Stitched entities carry every relation both ways (<c>ownedBy</c> on one side, <c>ownerOf</c> on the other). A graph
/// draws each pair once, in the direction Backstage's relations graph uses when it merges them.
/// </summary>
public static class RelationDirection
{
    // (drawn, inverse): the first of each pair is kept, as in Backstage's ALL_RELATION_PAIRS.
    private static readonly Dictionary<string, string> InverseToDrawn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ownedBy"] = "ownerOf",
        ["apiConsumedBy"] = "consumesApi",
        ["providesApi"] = "apiProvidedBy",
        ["partOf"] = "hasPart",
        ["childOf"] = "parentOf",
        ["memberOf"] = "hasMember",
        ["dependencyOf"] = "dependsOn",
    };

    /// <summary>The drawn type of a pair (<c>ownedBy</c> → <c>ownerOf</c>); other types unchanged.</summary>
    public static string DrawnType(string type) => InverseToDrawn.TryGetValue(type, out var drawn) ? drawn : type;

    /// <summary>The edge to draw for relation <paramref name="type"/> from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static (string From, string Type, string To) Canonical(string source, string type, string target) =>
        InverseToDrawn.TryGetValue(type, out var drawn) ? (target, drawn, source) : (source, type, target);
}
