using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Catalog.Store;

/// <summary>The complete result of reading one location: every entity it produces now.</summary>
/// <param name="LocationId">The location read.</param>
/// <param name="Entities">Every entity produced, unchanged ones included (with <see cref="IngestedEntity.ProcessedJson"/> null).</param>
/// <param name="KeepSources">
/// Source files/URLs that could not be read this pass: entities previously produced from them are kept as they are,
/// not orphaned, because a transient read failure must not look like a deletion.
/// </param>
/// <param name="Now">The time of the pass, recorded on rows and in history.</param>
public sealed record IngestionBatch(
    Guid LocationId,
    IReadOnlyList<IngestedEntity> Entities,
    IReadOnlyCollection<string> KeepSources,
    DateTimeOffset Now);

/// <summary>The end of a pass applied in parts: what it produced, to tell which of the location's entities are orphans.</summary>
/// <param name="LocationId">The location read.</param>
/// <param name="ProducedRefs">Every ref the pass produced (lower-cased keys), whichever part carried it.</param>
/// <param name="KeepSources">Sources that could not be read this pass: their entities are not orphaned.</param>
/// <param name="Now">The time of the pass, recorded on orphaned rows and in history.</param>
public sealed record IngestionPassEnd(
    Guid LocationId,
    IReadOnlySet<string> ProducedRefs,
    IReadOnlyCollection<string> KeepSources,
    DateTimeOffset Now);

/// <summary>One entity produced by a location pass.</summary>
/// <param name="EntityRef">Lower-cased ref key.</param>
/// <param name="ContentHash">Hash of the unprocessed entity (plus anything that changes its processing), for change detection.</param>
/// <param name="Source">The file or URL it was read from (its <c>backstage.io/managed-by-location</c> target).</param>
/// <param name="ProcessedJson">The processed entity (annotations added, no uid/etag/relations), or null when the hash is unchanged.</param>
/// <param name="Relations">The relations this entity originates (both directions), or null when unchanged.</param>
/// <param name="ErrorsJson">Processing problems as a JSON array of Backstage status items (<c>[]</c> when none), or null when unchanged.</param>
/// <remarks>
/// Three shapes: changed (ProcessedJson, Relations, ErrorsJson all set); unchanged (all three null: the row is not
/// touched); failed (ProcessedJson and Relations null, ErrorsJson set): the new content could not be processed, so the
/// previous processed form and relations stay, and the new hash and these errors are stored (shown in status.items).
/// A failed entity that is not yet stored is not inserted (the caller reports it on the location instead).
/// </remarks>
public sealed record IngestedEntity(
    string EntityRef,
    string ContentHash,
    string Source,
    string? ProcessedJson,
    IReadOnlyList<EntityRelation>? Relations,
    string? ErrorsJson);

/// <summary>What applying a batch did.</summary>
/// <param name="Added">Refs newly inserted.</param>
/// <param name="Updated">Refs whose content changed.</param>
/// <param name="Unchanged">Count of entities left untouched.</param>
/// <param name="Orphaned">Refs newly marked as orphans.</param>
/// <param name="Conflicts">Refs refused because another location owns them.</param>
/// <param name="RefsToStitch">Every ref whose final form may have changed (changed entities and both old and new relation targets).</param>
public sealed record IngestionOutcome(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    int Unchanged,
    IReadOnlyList<string> Orphaned,
    IReadOnlyList<EntityConflict> Conflicts,
    IReadOnlyCollection<string> RefsToStitch);

/// <summary>A ref refused for one location because another location already owns it.</summary>
public sealed record EntityConflict(string EntityRef, string Source, Guid OwnerLocationId, string OwnerSource);
