namespace Greenroom.Catalog.Query;

/// <summary>
/// The next and previous keyset cursors of a page read with <see cref="QueryCursor"/> semantics, shared by the
/// <c>by-query</c> API and the portal's catalog table so both page the same way.
/// </summary>
public static class QueryPageCursors
{
    /// <summary>
    /// Cursors for <paramref name="result"/>, read by <paramref name="query"/> (continuing <paramref name="continued"/>
    /// when a cursor was given); null where there is no page in that direction.
    /// </summary>
    public static (string? Next, string? Previous) For(EntityQuery query, EntityQueryResult result, QueryCursor? continued, int totalItems)
    {
        if (result.Items.Count == 0)
        {
            return (null, null);
        }

        var backward = continued?.IsPrevious ?? false;
        var hasNext = backward || result.HasMore;
        var hasPrevious = backward ? result.HasMore : continued is not null;
        return (
            hasNext ? CursorAt(query, result, result.Items.Count - 1, totalItems, isPrevious: false) : null,
            hasPrevious ? CursorAt(query, result, 0, totalItems, isPrevious: true) : null);
    }

    private static string CursorAt(EntityQuery query, EntityQueryResult result, int index, int totalItems, bool isPrevious) =>
        QueryCursorCodec.Encode(new QueryCursor(
            query.Filter,
            query.Order,
            query.FullText,
            result.SortValues[index],
            result.Items[index].EntityRef,
            isPrevious,
            totalItems));
}
