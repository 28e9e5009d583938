using Greenroom.Catalog.History;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;

namespace Greenroom.Catalog.Store;

/// <summary>
/// Everything the catalog persists. Implemented by each storage provider (SQLite, PostgreSQL) and verified by the
/// shared contract suite. All refs are lower-cased keys (<c>component:default/petstore</c>); all entity JSON is
/// passed as serialized text so the API can stream it without re-parsing. Every write is one transaction.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Creates or upgrades the schema (versioned migrations). Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    // ---- locations -------------------------------------------------------------------------------------------

    /// <summary>Adds a location; throws <see cref="LocationConflictException"/> when the same type and target exist.</summary>
    Task<LocationRecord> AddLocationAsync(LocationSpec location, CancellationToken cancellationToken);

    /// <summary>The location with <paramref name="id"/>, or null.</summary>
    Task<LocationRecord?> GetLocationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The location with this type and target (target compared exactly), or null.</summary>
    Task<LocationRecord?> FindLocationAsync(string type, string target, CancellationToken cancellationToken);

    /// <summary>Every location, oldest first.</summary>
    Task<IReadOnlyList<LocationRecord>> ListLocationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a location and every entity it produced (relations included, history kept).
    /// Enqueues the deleted entities' relation targets for stitching and returns them, or null when no such location.
    /// </summary>
    Task<IReadOnlyList<string>?> DeleteLocationAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a location's latest refresh.</summary>
    Task UpdateLocationStatusAsync(Guid id, LocationStatus status, CancellationToken cancellationToken);

    // ---- ingestion -------------------------------------------------------------------------------------------

    /// <summary>Content hash of every entity currently claimed by the location (orphans included), keyed by ref.</summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(Guid locationId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one complete pass over a location in a single transaction: inserts new entities, updates changed ones
    /// (replacing the relations they originate), leaves unchanged ones untouched (no row rewritten), refuses refs
    /// claimed by another location (a conflict; an orphan of another location may be taken over), marks entities no
    /// longer produced as orphans (except those from <see cref="IngestionBatch.KeepSources"/>), and un-orphans returning ones. Enqueues <see cref="IngestionOutcome.RefsToStitch"/> for stitching.
    /// Throws <see cref="InvalidOperationException"/> (storing nothing) when the location no longer exists.
    /// </summary>
    Task<IngestionOutcome> ApplyIngestionAsync(IngestionBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the store can apply a pass in parts (<see cref="ApplyIngestionChunkAsync"/> for each part, then
    /// <see cref="CompleteIngestionPassAsync"/>), so that a large pass is never held in memory at once. Additive: false
    /// by default, and the catalog then applies each pass whole with <see cref="ApplyIngestionAsync"/>.
    /// </summary>
    bool SupportsChunkedIngestion => false;

    /// <summary>
    /// Applies one part of a pass in its own transaction, as <see cref="ApplyIngestionAsync"/> applies a whole pass,
    /// except that it marks nothing as an orphan (the rest of the pass is not known yet, so
    /// <see cref="IngestionBatch.KeepSources"/> is ignored). The caller keeps the first occurrence of a ref across the
    /// parts of a pass and ends the pass with <see cref="CompleteIngestionPassAsync"/>. Additive: supported when
    /// <see cref="SupportsChunkedIngestion"/> is true.
    /// </summary>
    Task<IngestionOutcome> ApplyIngestionChunkAsync(IngestionBatch chunk, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} applies passes whole (SupportsChunkedIngestion is false)");

    /// <summary>
    /// Ends a pass applied in parts: in one transaction, marks as orphans the location's entities that are not among
    /// <see cref="IngestionPassEnd.ProducedRefs"/> (except those from <see cref="IngestionPassEnd.KeepSources"/>),
    /// un-orphans the location's orphans that are among them (so the parts need not carry entities whose hash is
    /// unchanged), and enqueues both for stitching. The outcome lists only those orphans (Orphaned) and returning
    /// entities (Updated). Throws <see cref="InvalidOperationException"/>
    /// when the location no longer exists. Additive: supported when <see cref="SupportsChunkedIngestion"/> is true.
    /// </summary>
    Task<IngestionOutcome> CompleteIngestionPassAsync(IngestionPassEnd pass, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} applies passes whole (SupportsChunkedIngestion is false)");

    // ---- stitching -------------------------------------------------------------------------------------------

    /// <summary>
    /// Up to <paramref name="max"/> refs waiting to be stitched. Every write that can change a final form
    /// (ingestion, deletion) enqueues the affected refs in the same transaction, so a crash between a write and its
    /// stitch loses nothing: the queue is worked off on restart.
    /// </summary>
    Task<IReadOnlyList<string>> GetStitchQueueAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> queued refs in ref order, beginning after <paramref name="after"/> and wrapping around
    /// to the start of the queue: a drain that passes the last ref it took sweeps the queue like an elevator.
    /// </summary>
    /// <remarks>
    /// Ref order makes a deep drain (a cold start: every entity) write final forms and their rows in key order, so
    /// each lands next to the previous one instead of in a random page; the sweep still reaches every queued ref
    /// within one pass over the queue, however many are added behind it.
    /// </remarks>
    Task<IReadOnlyList<string>> GetStitchQueueAsync(int max, string? after, CancellationToken cancellationToken);

    /// <summary>What the stitcher needs for each ref that exists as an entity (refs without one are skipped).</summary>
    Task<IReadOnlyList<StitchSource>> GetStitchSourcesAsync(IReadOnlyCollection<string> refs, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: writes final entities (upsert final JSON, replace filter index rows, append a history entry
    /// each) and removes <paramref name="stitchedRefs"/> from the stitch queue. The caller only passes entities whose
    /// final hash changed, but lists every ref it stitched (changed or not, and refs with no entity). A ref whose
    /// entity no longer exists has its final form and search rows removed. A ref enqueued again after
    /// <see cref="GetStitchSourcesAsync"/> read it stays queued, and a final form built from an entity deleted (or
    /// re-created with a new uid) since then is not written, so a stitch racing a write never loses the write.
    /// </summary>
    Task WriteFinalEntitiesAsync(IReadOnlyList<FinalEntity> entities, IReadOnlyCollection<string> stitchedRefs, CancellationToken cancellationToken);

    /// <summary>
    /// Called by the stitcher before it works off a deep queue. A store may switch to a bulk mode in which writes of
    /// final forms are cheaper (for SQLite: the filter index is dropped and built once, sorted, at the end) when that
    /// pays, i.e. when the queue is large and few final forms exist yet (a cold start). Queries stay correct in bulk
    /// mode but may be slower. Returns whether bulk mode began; if so the caller must call
    /// <see cref="EndBulkStitchAsync"/> when the drain ends, also when it fails. A crash in bulk mode is repaired by
    /// <see cref="InitializeAsync"/>. Additive: the default does nothing.
    /// </summary>
    Task<bool> BeginBulkStitchAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Ends the bulk mode begun by <see cref="BeginBulkStitchAsync"/> (restores what it dropped). Additive: the default does nothing.</summary>
    Task EndBulkStitchAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // ---- deletion --------------------------------------------------------------------------------------------

    /// <summary>
    /// Deletes one entity by uid (its relations and final form; history kept with a deletion entry).
    /// Enqueues its relation targets for stitching and returns them, or null when no entity has that uid.
    /// </summary>
    Task<IReadOnlyList<string>?> DeleteEntityAsync(string uid, DateTimeOffset now, CancellationToken cancellationToken);

    // ---- reads -----------------------------------------------------------------------------------------------

    /// <summary>The final entity JSON by ref, or null.</summary>
    Task<StoredEntity?> GetEntityByRefAsync(string entityRef, CancellationToken cancellationToken);

    /// <summary>The final entity JSON by uid, or null.</summary>
    Task<StoredEntity?> GetEntityByUidAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Final entities for <paramref name="refs"/>, in the same order, null where there is none.</summary>
    Task<IReadOnlyList<StoredEntity?>> GetEntitiesByRefsAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken);

    /// <summary>
    /// Final entities whose latest processing reported errors (they keep their last good form and show the errors as
    /// <c>status.items</c>), ordered by ref, at most <paramref name="limit"/>. Status is not a filter key (as in
    /// Backstage), so this is its own read: the portal's "why is my entity missing?" page lists them.
    /// </summary>
    Task<IReadOnlyList<StoredEntity>> GetEntitiesWithErrorsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Filtered, ordered, paged final entities (see <see cref="EntityQuery"/>).</summary>
    Task<EntityQueryResult> QueryEntitiesAsync(EntityQuery query, CancellationToken cancellationToken);

    /// <summary>Value counts of each facet key among the entities matching <paramref name="filter"/>.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> GetFacetsAsync(
        IReadOnlyList<string> facets, EntityFilter? filter, CancellationToken cancellationToken);

    /// <summary>Every recorded change of the entity with <paramref name="uid"/>, newest first; empty when none.</summary>
    Task<IReadOnlyList<EntityHistoryEntry>> GetHistoryAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Counts for health and progress reporting.</summary>
    Task<CatalogCounts> GetCountsAsync(CancellationToken cancellationToken);
}
