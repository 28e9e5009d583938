using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Web.Entities;
using Greenroom.Web.Entities.Overview;

namespace Greenroom.Web.Locations;

/// <summary>
/// What the locations page shows, loaded with a fixed number of store calls whatever the catalog's size: every
/// location with its status and problems, the catalog's counts, the orphans, the entities whose processing failed, and
/// the entities of one selected location.
/// </summary>
public sealed record LocationHealth(
    IReadOnlyList<LocationRow> Locations,
    CatalogCounts Counts,
    RelatedEntities Orphans,
    RelatedEntities WithErrors,
    LocationRow? Selected,
    RelatedEntities SelectedEntities)
{
    /// <summary>Most entities listed in one section of the page.</summary>
    public const int Cap = 100;

    /// <summary>The orphan annotation's search key.</summary>
    public const string OrphanKey = "metadata.annotations.backstage.io/orphan";

    /// <summary>The search key of the location an entity was registered through.</summary>
    public const string OriginKey = "metadata.annotations.backstage.io/managed-by-origin-location";

    /// <summary>Nothing loaded yet.</summary>
    public static LocationHealth Empty { get; } = new([], new CatalogCounts(0, 0, 0, 0, 0), RelatedEntities.None, RelatedEntities.None, null, RelatedEntities.None);

    /// <summary>Loads the page; <paramref name="selected"/> picks the location whose entities are listed.</summary>
    public static async Task<LocationHealth> LoadAsync(ICatalogStore store, Guid? selected, CancellationToken cancellationToken)
    {
        var locations = (await store.ListLocationsAsync(cancellationToken).ConfigureAwait(false)).Select(LocationRow.From).ToList();
        var counts = await store.GetCountsAsync(cancellationToken).ConfigureAwait(false);
        var orphans = await RelatedEntities.MatchingAsync(store, [new FilterCondition(OrphanKey, ["true"])], Cap, cancellationToken).ConfigureAwait(false);
        var failed = (await store.GetEntitiesWithErrorsAsync(Cap, cancellationToken).ConfigureAwait(false))
            .Select(e => EntityView.Parse(e.Json)).OfType<EntityView>().ToList();
        var row = selected is null ? null : locations.FirstOrDefault(l => l.Record.Id == selected);
        var produced = row is null
            ? RelatedEntities.None
            : await RelatedEntities.MatchingAsync(store, [new FilterCondition(OriginKey, [row.Origin.ToLowerInvariant()])], Cap, cancellationToken).ConfigureAwait(false);
        return new LocationHealth(locations, counts, orphans, new RelatedEntities(failed, Math.Max(counts.EntitiesWithErrors, failed.Count)), row, produced);
    }
}

/// <summary>One location with its problems read.</summary>
public sealed record LocationRow(LocationRecord Record, IReadOnlyList<LocationProblem> Problems)
{
    /// <summary>How its entities name it (<c>type:target</c>, the managed-by-origin-location annotation).</summary>
    public string Origin => $"{Record.Type}:{Record.Target}";

    /// <summary>Whether its latest refresh failed or reported problems.</summary>
    public bool IsFailing => Record.Status.State is "failed" or "warning" || Problems.Count > 0;

    /// <summary>Reads a location's status.</summary>
    public static LocationRow From(LocationRecord record) => new(record, LocationProblem.Parse(record.Status.ErrorsJson));
}
