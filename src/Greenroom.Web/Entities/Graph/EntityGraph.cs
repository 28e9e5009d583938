namespace Greenroom.Web.Entities.Graph;

/// <summary>
/// An entity's neighbourhood as drawn on the Dependencies tab: the entities within a number of relation hops of the
/// root, and the relations between them (each pair of inverse relations merged into one edge).
/// </summary>
/// <param name="Nodes">Root first, then by distance and ref.</param>
/// <param name="Edges">Relations between shown nodes.</param>
/// <param name="Depth">How many hops were followed.</param>
/// <param name="NotShown">Entities within reach that were left out to keep the picture readable.</param>
public sealed record EntityGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, int Depth, int NotShown);

/// <summary>One entity in the graph.</summary>
/// <param name="Ref">Lower-cased entity ref (the node's id).</param>
/// <param name="Kind">Kind as written, or the ref's kind when the entity is missing.</param>
/// <param name="Label">Title or name.</param>
/// <param name="Path">Its portal page; null when the entity is not in the catalog.</param>
/// <param name="Distance">Hops from the root (0 for the root).</param>
public sealed record GraphNode(string Ref, string Kind, string Label, string? Path, int Distance);

/// <summary>A relation drawn from <paramref name="From"/> to <paramref name="To"/> (both node refs).</summary>
/// <param name="From">Source node ref.</param>
/// <param name="To">Target node ref.</param>
/// <param name="Relation">Relation type (<c>ownerOf</c>).</param>
/// <param name="Label">Readable relation (<c>Owner of</c>).</param>
public sealed record GraphEdge(string From, string To, string Relation, string Label);
