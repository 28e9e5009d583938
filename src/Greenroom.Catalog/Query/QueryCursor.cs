namespace Greenroom.Catalog.Query;

/// <summary>
/// The state a <c>by-query</c> cursor carries, as Backstage's does: the query it continues (filter, order fields,
/// full-text filter), the keyset position (the sort values and ref of the row to continue from), the direction,
/// and the total count measured on the first page.
/// </summary>
/// <param name="Filter">The filter of the original query.</param>
/// <param name="OrderFields">Its sort fields.</param>
/// <param name="FullText">Its full-text filter.</param>
/// <param name="SortValues">Sort values of the row to continue from (aligned with <paramref name="OrderFields"/>).</param>
/// <param name="EntityRef">Ref of that row (the final tie-breaker).</param>
/// <param name="IsPrevious">True for a cursor to the page before that row.</param>
/// <param name="TotalItems">Number of matches counted on the first page.</param>
public sealed record QueryCursor(
    EntityFilter? Filter,
    IReadOnlyList<EntityOrder> OrderFields,
    FullTextFilter? FullText,
    IReadOnlyList<string?> SortValues,
    string EntityRef,
    bool IsPrevious,
    int TotalItems)
{
    /// <summary>The query this cursor continues, for a page of <paramref name="limit"/> rows.</summary>
    public EntityQuery ToQuery(int limit) => new(
        Filter,
        OrderFields,
        FullText,
        limit,
        Offset: null,
        new KeysetPosition(SortValues, EntityRef, IsPrevious),
        IncludeTotal: false);
}
