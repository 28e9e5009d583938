using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Query;

/// <summary>
/// A query over final entities. Ordering is by the search value of each <see cref="Order"/> field (entities lacking
/// the field sort last), then by ref ascending as the tie-breaker, so keyset pages are stable.
/// </summary>
/// <param name="Filter">Which entities; null for all.</param>
/// <param name="Order">Sort fields (lower-cased search keys).</param>
/// <param name="FullText">Optional case-insensitive substring search.</param>
/// <param name="Limit">Page size; null for no limit.</param>
/// <param name="Offset">Rows to skip (offset paging); ignored when <paramref name="After"/> is set.</param>
/// <param name="After">Keyset position: return rows strictly after (or before, when backward) this one in the order.</param>
/// <param name="IncludeTotal">Whether to count every match (for <c>totalItems</c>).</param>
public sealed record EntityQuery(
    EntityFilter? Filter,
    IReadOnlyList<EntityOrder> Order,
    FullTextFilter? FullText,
    int? Limit,
    int? Offset,
    KeysetPosition? After,
    bool IncludeTotal);

/// <summary>One sort field.</summary>
public sealed record EntityOrder(string Field, bool Descending);

/// <summary>Case-insensitive substring match of <see cref="Term"/> against any of <see cref="Fields"/> (search keys).</summary>
public sealed record FullTextFilter(string Term, IReadOnlyList<string> Fields);

/// <summary>
/// A position in the ordered result: the sort values of a row (one per order field, null when it lacks the field) and its ref.
/// <see cref="Backward"/> asks for the rows before it (returned still in forward order).
/// </summary>
public sealed record KeysetPosition(IReadOnlyList<string?> SortValues, string EntityRef, bool Backward);

/// <summary>A page of results.</summary>
/// <param name="Items">The entities, in order.</param>
/// <param name="SortValues">For each item, its sort values (aligned with the query's order fields), for building cursors.</param>
/// <param name="TotalItems">Count of all matches when requested.</param>
/// <param name="HasMore">Whether rows exist beyond this page in the direction read.</param>
public sealed record EntityQueryResult(
    IReadOnlyList<StoredEntity> Items,
    IReadOnlyList<IReadOnlyList<string?>> SortValues,
    int? TotalItems,
    bool HasMore);

/// <summary>How many matching entities have a facet value.</summary>
public sealed record FacetCount(string Value, int Count);
