namespace Greenroom.Web.Entities.Graph;

/// <summary>What part of an entity's neighbourhood to draw.</summary>
/// <param name="Depth">Relation hops to follow, clamped to 1–<see cref="MaxDepth"/>.</param>
/// <param name="RelationTypes">Relation types to follow (either direction of a pair); null or empty for all.</param>
/// <param name="MaxNodes">Most nodes drawn; the rest are counted as not shown.</param>
public sealed record GraphRequest(int Depth = 1, IReadOnlyCollection<string>? RelationTypes = null, int MaxNodes = GraphRequest.DefaultMaxNodes)
{
    /// <summary>The deepest graph offered: beyond three hops a catalog's graph is most of the catalog.</summary>
    public const int MaxDepth = 3;

    /// <summary>Readable at this size; more nodes make an unreadable picture.</summary>
    public const int DefaultMaxNodes = 50;

    /// <summary>A depth from the query string (<c>?depth=2</c>): 1 when absent or not a number, otherwise clamped to 1–3.</summary>
    public static int ParseDepth(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var depth)
            ? Math.Clamp(depth, 1, MaxDepth)
            : 1;
}
