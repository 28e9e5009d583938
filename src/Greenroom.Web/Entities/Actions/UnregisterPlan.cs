using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;

namespace Greenroom.Web.Entities.Actions;

/// <summary>
/// What unregistering an entity's origin location would remove: the registered location named by the entity's
/// <c>backstage.io/managed-by-origin-location</c> annotation and the entities carrying the same origin. Three store
/// calls whatever the location's size (the list is capped at <see cref="MaxListed"/>, with the total counted).
/// </summary>
public sealed record UnregisterPlan(EntityView Entity, string? Origin, LocationRecord? Location, IReadOnlyList<EntityView> Entities, int Total)
{
    /// <summary>Most entities listed on the page.</summary>
    public const int MaxListed = 200;

    private const string OriginAnnotation = "backstage.io/managed-by-origin-location";

    /// <summary>The plan for the entity with <paramref name="entityRef"/>; null when there is no such entity.</summary>
    public static async Task<UnregisterPlan?> LoadAsync(ICatalogStore store, string entityRef, CancellationToken cancellationToken)
    {
        var stored = await store.GetEntityByRefAsync(entityRef.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        if (stored is null || EntityView.Parse(stored.Json) is not { } entity)
        {
            return null;
        }

        var origin = entity.Annotation(OriginAnnotation);
        var colon = origin?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var location = colon > 0 ? await store.FindLocationAsync(origin![..colon], origin[(colon + 1)..], cancellationToken).ConfigureAwait(false) : null;
        if (location is null)
        {
            return new UnregisterPlan(entity, origin, null, [], 0);
        }

        var filter = new EntityFilter([new FilterAlternative([new FilterCondition($"metadata.annotations.{OriginAnnotation}", [origin!.ToLowerInvariant()])])]);
        var query = new EntityQuery(filter, [new EntityOrder("kind", false), new EntityOrder("metadata.name", false)], null, MaxListed, null, null, IncludeTotal: true);
        var result = await store.QueryEntitiesAsync(query, cancellationToken).ConfigureAwait(false);
        var entities = result.Items.Select(i => EntityView.Parse(i.Json)).OfType<EntityView>().ToList();

        // Filter values longer than the search index keeps are not indexed; the entity itself is removed all the same.
        return entities.Count == 0
            ? new UnregisterPlan(entity, origin, location, [entity], 1)
            : new UnregisterPlan(entity, origin, location, entities, result.TotalItems ?? entities.Count);
    }
}
