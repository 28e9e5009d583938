using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Web.Entities;

namespace Greenroom.Web.Catalog;

/// <summary>
/// One catalog table view loaded with a fixed number of store calls whatever the catalog's size: the page, the
/// facet counts within the selected kind, and the count per kind.
/// </summary>
public sealed record CatalogListing(
    IReadOnlyList<EntityView> Page,
    int Total,
    string? NextCursor,
    string? PreviousCursor,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    IReadOnlyDictionary<string, int> KindCounts)
{
    /// <summary>Loads the view <paramref name="request"/> asks for.</summary>
    public static async Task<CatalogListing> LoadAsync(ICatalogStore store, CatalogListRequest request, CancellationToken cancellationToken)
    {
        var query = request.ToQuery();
        var continued = query.After is not null ? QueryCursorCodec.Decode(request.Cursor!) : null;
        var result = await store.QueryEntitiesAsync(query, cancellationToken).ConfigureAwait(false);

        var kindFilter = request.Kind is null ? null : new EntityFilter([new FilterAlternative([new FilterCondition("kind", [request.Kind])])]);
        var facetKeys = CatalogKinds.Facets.Select(f => f.Key).ToList();
        var facets = await store.GetFacetsAsync(facetKeys, kindFilter, cancellationToken).ConfigureAwait(false);
        var kinds = await store.GetFacetsAsync(["kind"], null, cancellationToken).ConfigureAwait(false);

        var total = continued?.TotalItems ?? result.TotalItems ?? result.Items.Count;
        string? next = null;
        string? previous = null;
        if (result.Items.Count > 0)
        {
            var backward = continued?.IsPrevious ?? false;
            if (backward || result.HasMore)
            {
                next = CursorAt(query, result, result.Items.Count - 1, total, isPrevious: false);
            }

            if (backward ? result.HasMore : continued is not null)
            {
                previous = CursorAt(query, result, 0, total, isPrevious: true);
            }
        }

        return new CatalogListing(
            result.Items.Select(e => EntityView.Parse(e.Json)).OfType<EntityView>().ToList(),
            total,
            next,
            previous,
            CatalogKinds.Facets.ToDictionary(f => f.Name, f => facets.TryGetValue(f.Key, out var counts) ? counts : []),
            (kinds.TryGetValue("kind", out var kindCounts) ? kindCounts : []).ToDictionary(k => k.Value.ToLowerInvariant(), k => k.Count));
    }

    private static string CursorAt(EntityQuery query, EntityQueryResult result, int index, int total, bool isPrevious) =>
        QueryCursorCodec.Encode(new QueryCursor(query.Filter, query.Order, query.FullText, result.SortValues[index], result.Items[index].EntityRef, isPrevious, total));
}
