using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;

namespace Greenroom.Web.Entities.Overview;

/// <summary>
/// The entities whose relation of one type points at any of some refs (what a group owns, a system's parts), loaded
/// with one capped store query whatever their number; the total says how many there are beyond the cap.
/// </summary>
public sealed record RelatedEntities(IReadOnlyList<EntityView> Items, int Total)
{
    /// <summary>Most rows a card lists; the rest are a link to the filtered catalog away.</summary>
    public const int DefaultCap = 100;

    /// <summary>Nothing found.</summary>
    public static RelatedEntities None { get; } = new([], 0);

    /// <summary>Whether more exist than were loaded.</summary>
    public bool Truncated => Total > Items.Count;

    /// <summary>The items grouped by kind, in the catalog's kind order.</summary>
    public IEnumerable<IGrouping<string, EntityView>> ByKind() =>
        Items.GroupBy(e => e.Kind, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => KindOrder(g.Key))
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The items of one kind.</summary>
    public IReadOnlyList<EntityView> OfKind(string kind) =>
        Items.Where(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// Loads entities with a <paramref name="relationType"/> relation to any of <paramref name="targetRefs"/>,
    /// optionally only of <paramref name="kinds"/>, ordered by ref (kind, namespace, name), at most <paramref name="cap"/>.
    /// </summary>
    public static async Task<RelatedEntities> LoadAsync(
        ICatalogStore store,
        string relationType,
        IReadOnlyCollection<string> targetRefs,
        IReadOnlyCollection<string>? kinds,
        int cap,
        CancellationToken cancellationToken)
    {
        if (targetRefs.Count == 0)
        {
            return None;
        }

        var conditions = new List<FilterCondition>
        {
            new("relations." + relationType.ToLowerInvariant(), targetRefs.Select(r => r.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList()),
        };
        if (kinds is { Count: > 0 })
        {
            conditions.Add(new FilterCondition("kind", kinds.Select(k => k.ToLowerInvariant()).ToList()));
        }

        return await MatchingAsync(store, conditions, cap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads entities matching all of <paramref name="conditions"/>, ordered by ref (kind, namespace, name), at most <paramref name="cap"/>.</summary>
    public static async Task<RelatedEntities> MatchingAsync(
        ICatalogStore store, IReadOnlyList<FilterCondition> conditions, int cap, CancellationToken cancellationToken)
    {
        // Ref order (kind:namespace/name) needs no order fields: it groups by kind and sorts by name, and the store
        // answers it from its filter index alone, where ordering by fields walks an order index (slow when the filter is selective).
        var query = new EntityQuery(
            new EntityFilter([new FilterAlternative(conditions)]),
            Order: [],
            FullText: null,
            Limit: cap,
            Offset: null,
            After: null,
            IncludeTotal: true);
        var result = await store.QueryEntitiesAsync(query, cancellationToken).ConfigureAwait(false);
        var items = result.Items.Select(i => EntityView.Parse(i.Json)).OfType<EntityView>().ToList();
        return new RelatedEntities(items, result.TotalItems ?? items.Count);
    }

    private static int KindOrder(string kind)
    {
        var index = Catalog.CatalogKinds.Tabs.ToList().FindIndex(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
