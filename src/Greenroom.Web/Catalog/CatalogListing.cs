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
    /// <summary>Nothing loaded yet.</summary>
    public static CatalogListing Empty { get; } = new([], 0, null, null, new Dictionary<string, IReadOnlyList<FacetCount>>(), new Dictionary<string, int>());

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
        var (next, previous) = QueryPageCursors.For(query, result, continued, total);

        return new CatalogListing(
            result.Items.Select(e => EntityView.Parse(e.Json)).OfType<EntityView>().ToList(),
            total,
            next,
            previous,
            CatalogKinds.Facets.ToDictionary(f => f.Name, f => facets.TryGetValue(f.Key, out var counts) ? counts : []),
            (kinds.TryGetValue("kind", out var kindCounts) ? kindCounts : []).ToDictionary(k => k.Value.ToLowerInvariant(), k => k.Count));
    }
}
