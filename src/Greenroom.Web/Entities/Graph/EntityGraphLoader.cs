using Greenroom.Catalog.Store;
using Greenroom.Web.Shared;

namespace Greenroom.Web.Entities.Graph;

/// <summary>
/// Walks an entity's relations breadth first, one batched store read per hop, so a graph costs at most
/// <see cref="GraphRequest.MaxDepth"/> store calls whatever the number of relations.
/// </summary>
public static class EntityGraphLoader
{
    /// <summary>The graph around <paramref name="root"/> (already loaded) as <paramref name="request"/> asks.</summary>
    public static async Task<EntityGraph> LoadAsync(ICatalogStore store, EntityView root, GraphRequest request, CancellationToken cancellationToken)
    {
        var depth = Math.Clamp(request.Depth, 1, GraphRequest.MaxDepth);
        var maxNodes = Math.Max(1, request.MaxNodes);
        var follow = Follows(request.RelationTypes);
        var rootRef = root.Ref.ToLowerInvariant();
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [rootRef] = NodeOf(rootRef, root, 0) };
        var loaded = new List<(string Ref, EntityView Entity)> { (rootRef, root) };
        var frontier = new List<EntityView> { root };
        var notShown = new HashSet<string>(StringComparer.Ordinal);

        for (var distance = 1; distance <= depth && frontier.Count > 0; distance++)
        {
            var reached = frontier
                .SelectMany(e => e.Relations)
                .Where(r => follow(r.Type))
                .Select(r => r.TargetRef.ToLowerInvariant())
                .Where(r => !nodes.ContainsKey(r))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var room = maxNodes - nodes.Count;
            if (reached.Count > room)
            {
                notShown.UnionWith(reached.Skip(room));
                reached = reached.Take(room).ToList();
            }

            frontier = [];
            if (reached.Count == 0)
            {
                continue;
            }

            var found = await store.GetEntitiesByRefsAsync(reached, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < reached.Count; i++)
            {
                if (found[i] is { } row && EntityView.Parse(row.Json) is { } entity)
                {
                    nodes[reached[i]] = NodeOf(reached[i], entity, distance);
                    loaded.Add((reached[i], entity));
                    frontier.Add(entity);
                }
                else
                {
                    nodes[reached[i]] = MissingNode(reached[i], distance);
                }
            }
        }

        return new EntityGraph([.. nodes.Values], EdgesBetween(loaded, nodes, follow), depth, notShown.Count);
    }

    private static List<GraphEdge> EdgesBetween(
        List<(string Ref, EntityView Entity)> loaded, Dictionary<string, GraphNode> nodes, Func<string, bool> follow)
    {
        var seen = new HashSet<(string, string, string)>();
        var edges = new List<GraphEdge>();
        foreach (var (source, entity) in loaded)
        {
            foreach (var relation in entity.Relations.Where(r => follow(r.Type)))
            {
                var target = relation.TargetRef.ToLowerInvariant();
                if (!nodes.ContainsKey(target) || target == source)
                {
                    continue;
                }

                var edge = RelationDirection.Canonical(source, relation.Type, target);
                if (seen.Add((edge.From, edge.Type.ToLowerInvariant(), edge.To)))
                {
                    edges.Add(new GraphEdge(edge.From, edge.To, edge.Type, RelationLabels.For(edge.Type)));
                }
            }
        }

        return edges;
    }

    private static Func<string, bool> Follows(IReadOnlyCollection<string>? relationTypes)
    {
        if (relationTypes is null || relationTypes.Count == 0)
        {
            return _ => true;
        }

        var drawn = relationTypes.Select(RelationDirection.DrawnType).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type => drawn.Contains(RelationDirection.DrawnType(type));
    }

    private static GraphNode NodeOf(string entityRef, EntityView entity, int distance) =>
        new(entityRef, entity.Kind, entity.DisplayName, entity.Path, distance);

    private static GraphNode MissingNode(string entityRef, int distance)
    {
        var colon = entityRef.IndexOf(':', StringComparison.Ordinal);
        return new GraphNode(entityRef, colon > 0 ? entityRef[..colon] : "unknown", EntityRefText.Short(entityRef), null, distance);
    }
}
