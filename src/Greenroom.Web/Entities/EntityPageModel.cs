using Greenroom.Catalog.Store;

namespace Greenroom.Web.Entities;

/// <summary>
/// What an entity page needs, loaded with a fixed number of store calls: the entity, and every entity its relations
/// point at in one batch (so cards can show titles, kinds and types without one query per relation).
/// </summary>
public sealed class EntityPageModel
{
    private readonly Dictionary<string, EntityView> _related;

    private EntityPageModel(EntityView entity, Dictionary<string, EntityView> related)
    {
        Entity = entity;
        _related = related;
    }

    /// <summary>The entity shown.</summary>
    public EntityView Entity { get; }

    /// <summary>Related entities found in the catalog, by lower-cased ref.</summary>
    public IReadOnlyDictionary<string, EntityView> Related => _related;

    /// <summary>The related entity for a relation target, or null when it is not in the catalog.</summary>
    public EntityView? RelatedEntity(string entityRef) => _related.GetValueOrDefault(entityRef.ToLowerInvariant());

    /// <summary>Relation targets of a type that exist, with their entity.</summary>
    public IReadOnlyList<(string Ref, EntityView? Entity)> Targets(string relationType) =>
        Entity.RelationTargets(relationType).Select(r => (r, RelatedEntity(r))).ToList();

    /// <summary>Loads the entity with ref <paramref name="entityRef"/> and its related entities; null when it does not exist.</summary>
    public static async Task<EntityPageModel?> LoadAsync(ICatalogStore store, string entityRef, CancellationToken cancellationToken)
    {
        var stored = await store.GetEntityByRefAsync(entityRef.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        if (stored is null || EntityView.Parse(stored.Json) is not { } entity)
        {
            return null;
        }

        var targets = entity.Relations.Select(r => r.TargetRef.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var related = new Dictionary<string, EntityView>(StringComparer.Ordinal);
        if (targets.Count > 0)
        {
            var found = await store.GetEntitiesByRefsAsync(targets, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < targets.Count; i++)
            {
                if (found[i] is { } row && EntityView.Parse(row.Json) is { } view)
                {
                    related[targets[i]] = view;
                }
            }
        }

        return new EntityPageModel(entity, related);
    }
}
