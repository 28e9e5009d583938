namespace Greenroom.Web.Entities.Graph;

/// <summary>The graph as graph.js reads it from the page (short names: it is embedded in every Dependencies tab).</summary>
public sealed record GraphPayload(IReadOnlyList<GraphPayload.Node> Nodes, IReadOnlyList<GraphPayload.Edge> Edges, int NotShown)
{
    /// <summary>The payload of <paramref name="graph"/>.</summary>
    public static GraphPayload From(EntityGraph graph) => new(
        graph.Nodes.Select(n => new Node(n.Ref, n.Kind.ToLowerInvariant(), n.Label, n.Path, n.Distance == 0)).ToList(),
        graph.Edges.Select(e => new Edge(e.From, e.To, e.Label)).ToList(),
        graph.NotShown);

    /// <summary>A node: id (ref), kind (lower-cased), label, path (null when missing), whether it is the root.</summary>
    public sealed record Node(string Id, string Kind, string Label, string? Path, bool Root);

    /// <summary>An edge between node ids, with its label.</summary>
    public sealed record Edge(string From, string To, string Label);
}
