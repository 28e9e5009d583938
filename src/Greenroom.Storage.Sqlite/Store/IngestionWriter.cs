using System.Buffers;
using System.Text;
using System.Text.Json;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>
/// Applies one location pass, or one part of a pass, inside the caller's write transaction. Rows are read in set-based
/// queries, then written through a handful of prepared statements reused for every entity (no per-row transaction or
/// re-parse).
/// </summary>
internal sealed class IngestionWriter(SqliteConnection connection, SqliteTransaction transaction, IngestionBatch batch, WriterCache cache)
{
    private readonly string _locationId = SqliteValues.ToDb(batch.LocationId);
    private readonly long _now = SqliteValues.ToDb(batch.Now);
    private readonly HashSet<string> _toStitch = new(StringComparer.Ordinal);

    // Sources that could not be read or parsed: their stored entities never become orphans.
    private readonly HashSet<string> _keepSources = new(batch.KeepSources, StringComparer.Ordinal);

    private sealed record StoredRow(string LocationId, string Source, string ContentHash, string ErrorsJson, bool IsOrphan);

    /// <summary>Applies a whole pass: entities the batch no longer lists become orphans.</summary>
    public Task<IngestionOutcome> ApplyAsync(CancellationToken cancellationToken) => ApplyCoreAsync(wholePass: true, cancellationToken);

    /// <summary>
    /// Applies one part of a pass: nothing becomes an orphan (see <see cref="CompletePassAsync"/>). The first part into an
    /// empty catalog drops the pass's secondary indexes, which its end builds again (see <see cref="IngestionIndexes"/>),
    /// and writes with the bulk page cache (see <see cref="WriterCache"/>).
    /// </summary>
    public async Task<IngestionOutcome> ApplyChunkAsync(CancellationToken cancellationToken)
    {
        if (await IngestionIndexes.DropWhenEmptyAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            await cache.EnterBulkAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        return await ApplyCoreAsync(wholePass: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a pass applied in parts: the location's entities not in <paramref name="produced"/> become orphans, its
    /// orphans in it return (parts leave out entities whose hash is unchanged, orphans included). Builds the indexes
    /// the first part dropped, if it did, before anything reads by location, and leaves the bulk page cache.
    /// </summary>
    public async Task<IngestionOutcome> CompletePassAsync(IReadOnlySet<string> produced, CancellationToken cancellationToken)
    {
        await EnsureLocationExistsAsync(cancellationToken).ConfigureAwait(false);
        if (await IngestionIndexes.EnsureAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            await cache.LeaveBulkAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        // The location's rows are streamed and only the refs that change become strings: an idle pass changes nothing,
        // and holding (or even allocating) every ref of a large location would be most of its garbage.
        var producedRefs = new ProducedRefs(produced);
        var returned = new List<string>();
        var orphaned = new List<string>();
        using (var scan = new RawStatement(connection, "SELECT ref, is_orphan, source FROM entities WHERE location_id = ?1"))
        {
            scan.Text(1, _locationId).Execute(row =>
            {
                var entityRef = row.ColumnUtf8(0);
                var isOrphan = row.ColumnInteger(1) != 0;
                if (producedRefs.Contains(entityRef))
                {
                    if (isOrphan)
                    {
                        returned.Add(Encoding.UTF8.GetString(entityRef));
                    }
                }
                else if (!isOrphan && !_keepSources.Contains(row.ColumnText(2)!))
                {
                    orphaned.Add(Encoding.UTF8.GetString(entityRef));
                }
            });
        }

        using var statements = new Statements(connection);
        foreach (var entityRef in returned)
        {
            statements.Unorphan.Integer(1, _now).Text(2, entityRef).Execute();
            _toStitch.Add(entityRef);
        }

        MarkOrphans(statements, orphaned, cancellationToken);
        return new IngestionOutcome([], returned, 0, orphaned, [], _toStitch.ToList());
    }

    private async Task EnsureLocationExistsAsync(CancellationToken cancellationToken)
    {
        using var exists = connection.Command("SELECT 1 FROM locations WHERE id = $id", transaction).With("$id", _locationId);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // Typically the location was deleted while it was being read: nothing of it may be stored.
            throw new InvalidOperationException($"Location {batch.LocationId} does not exist (deleted while it was being read?)");
        }
    }

    private async Task<IngestionOutcome> ApplyCoreAsync(bool wholePass, CancellationToken cancellationToken)
    {
        await EnsureLocationExistsAsync(cancellationToken).ConfigureAwait(false);

        // A part reads only the rows its refs name: reading the whole location for every part would cost more than
        // the part itself.
        Dictionary<string, StoredRow> own, foreign;
        if (wholePass)
        {
            own = await LoadOwnRowsAsync(cancellationToken).ConfigureAwait(false);
            foreign = await LoadForeignRowsAsync(own, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (own, foreign) = await LoadBatchRowsAsync(cancellationToken).ConfigureAwait(false);
        }

        using var statements = new Statements(connection);
        var added = new List<string>();
        var updated = new List<string>();
        var conflicts = new List<EntityConflict>();
        var unchanged = 0;
        var firstSource = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var entity in batch.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!firstSource.TryAdd(entity.EntityRef, entity.Source))
            {
                // The same ref twice in one pass: the first keeps it, like a claim by another location.
                conflicts.Add(new EntityConflict(entity.EntityRef, entity.Source, batch.LocationId, firstSource[entity.EntityRef]));
                continue;
            }

            if (own.TryGetValue(entity.EntityRef, out var mine))
            {
                if (entity.ProcessedJson is not null)
                {
                    Update(statements, entity);
                    updated.Add(entity.EntityRef);
                }
                else if (entity.ErrorsJson is not null
                         && (mine.IsOrphan || mine.ContentHash != entity.ContentHash || mine.ErrorsJson != entity.ErrorsJson || mine.Source != entity.Source))
                {
                    // Failed to process: keep the last good form and relations, record the new hash and errors.
                    statements.Failed.Text(1, entity.Source).Text(2, entity.ContentHash).Text(3, entity.ErrorsJson)
                        .Integer(4, _now).Text(5, entity.EntityRef).Execute();
                    _toStitch.Add(entity.EntityRef);
                    updated.Add(entity.EntityRef);
                }
                else if (mine.IsOrphan)
                {
                    statements.Unorphan.Integer(1, _now).Text(2, entity.EntityRef).Execute();
                    _toStitch.Add(entity.EntityRef);
                    updated.Add(entity.EntityRef);
                }
                else
                {
                    unchanged++;
                }
            }
            else if (foreign.TryGetValue(entity.EntityRef, out var theirs))
            {
                if (!theirs.IsOrphan)
                {
                    conflicts.Add(new EntityConflict(entity.EntityRef, entity.Source, SqliteValues.ToGuid(theirs.LocationId), theirs.Source));
                }
                else if (entity.ProcessedJson is not null)
                {
                    // An orphan nobody produces any more may be claimed by the location that now produces it.
                    Update(statements, entity);
                    added.Add(entity.EntityRef);
                }
            }
            else if (entity.ProcessedJson is not null)
            {
                statements.Insert.Text(1, entity.EntityRef).Text(2, NewUid()).Text(3, _locationId).Text(4, entity.Source)
                    .Text(5, entity.ContentHash).Text(6, entity.ProcessedJson).Text(7, entity.ErrorsJson ?? "[]").Integer(8, _now).Execute();
                InsertRelations(statements, entity);
                _toStitch.Add(entity.EntityRef);
                added.Add(entity.EntityRef);
            }
        }

        var orphaned = wholePass
            ? OrphanMissing(statements, own, firstSource.ContainsKey, cancellationToken)
            : [];
        return new IngestionOutcome(added, updated, unchanged, orphaned, conflicts, _toStitch.ToList());
    }

    /// <summary>Marks the location's entities the pass did not produce as orphans, except those of unreadable sources.</summary>
    private List<string> OrphanMissing(
        Statements statements, Dictionary<string, StoredRow> own, Func<string, bool> produced, CancellationToken cancellationToken)
    {
        var orphaned = own
            .Where(pair => !produced(pair.Key) && !pair.Value.IsOrphan && !_keepSources.Contains(pair.Value.Source))
            .Select(pair => pair.Key)
            .ToList();
        MarkOrphans(statements, orphaned, cancellationToken);
        return orphaned;
    }

    private void MarkOrphans(Statements statements, IEnumerable<string> refs, CancellationToken cancellationToken)
    {
        foreach (var entityRef in refs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            statements.Orphan.Integer(1, _now).Text(2, entityRef).Execute();
            _toStitch.Add(entityRef);
        }
    }

    /// <summary>
    /// A new entity uid: a time-ordered (version 7) UUID, so a large pass appends to the uid index instead of writing
    /// into random places of it; to clients it is as opaque as a random one.
    /// </summary>
    private static string NewUid() => Guid.CreateVersion7().ToString("D");

    private void Update(Statements statements, IngestedEntity entity)
    {
        statements.Update.Text(1, _locationId).Text(2, entity.Source).Text(3, entity.ContentHash).Text(4, entity.ProcessedJson)
            .Text(5, entity.ErrorsJson ?? "[]").Integer(6, _now).Text(7, entity.EntityRef).Execute();

        // The entities at the far end of the old relations must lose them: stitch them too.
        statements.DeleteRelations.Text(1, entity.EntityRef).Execute(row =>
        {
            _toStitch.Add(row.ColumnText(0)!);
            _toStitch.Add(row.ColumnText(1)!);
        });

        InsertRelations(statements, entity);
        _toStitch.Add(entity.EntityRef);
    }

    private void InsertRelations(Statements statements, IngestedEntity entity)
    {
        foreach (var relation in (entity.Relations ?? []).Distinct())
        {
            statements.InsertRelation.Text(1, entity.EntityRef).Text(2, relation.SourceRef).Text(3, relation.Type).Text(4, relation.TargetRef).Execute();
            _toStitch.Add(relation.SourceRef);
            _toStitch.Add(relation.TargetRef);
        }
    }

    private async Task<Dictionary<string, StoredRow>> LoadOwnRowsAsync(CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            "SELECT ref, location_id, source, content_hash, errors_json, is_orphan FROM entities WHERE location_id = $loc", transaction)
            .With("$loc", _locationId);
        return await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, StoredRow>> LoadForeignRowsAsync(Dictionary<string, StoredRow> own, CancellationToken cancellationToken)
    {
        var others = batch.Entities.Select(e => e.EntityRef).Where(r => !own.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count == 0)
        {
            return new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        }

        using var command = connection.Command(
            "SELECT e.ref, e.location_id, e.source, e.content_hash, e.errors_json, e.is_orphan " +
            "FROM json_each($refs) j JOIN entities e ON e.ref = j.value", transaction)
            .With("$refs", JsonSerializer.Serialize(others));
        return await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored rows of the batch's refs, split into this location's and other locations'.</summary>
    private async Task<(Dictionary<string, StoredRow> Own, Dictionary<string, StoredRow> Foreign)> LoadBatchRowsAsync(CancellationToken cancellationToken)
    {
        var refs = batch.Entities.Select(e => e.EntityRef).Distinct(StringComparer.Ordinal).ToList();
        using var command = connection.Command(
            "SELECT e.ref, e.location_id, e.source, e.content_hash, e.errors_json, e.is_orphan " +
            "FROM json_each($refs) j JOIN entities e ON e.ref = j.value", transaction)
            .With("$refs", JsonSerializer.Serialize(refs));
        var rows = await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
        var own = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        var foreign = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        foreach (var (entityRef, row) in rows)
        {
            (row.LocationId == _locationId ? own : foreign)[entityRef] = row;
        }

        return (own, foreign);
    }

    private static async Task<Dictionary<string, StoredRow>> ReadRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows[reader.GetString(0)] = new StoredRow(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5) != 0);
        }

        return rows;
    }

    /// <summary>Looks refs up in the pass's produced set by their stored UTF-8 bytes, without a string when it can.</summary>
    private readonly struct ProducedRefs(IReadOnlySet<string> produced)
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _lookup =
            produced is HashSet<string> set && set.Comparer == StringComparer.Ordinal
                ? set.GetAlternateLookup<ReadOnlySpan<char>>()
                : null;

        public bool Contains(ReadOnlySpan<byte> entityRefUtf8)
        {
            if (_lookup is not { } lookup)
            {
                return produced.Contains(Encoding.UTF8.GetString(entityRefUtf8));
            }

            // A ref is at most a few hundred characters; one never has more characters than UTF-8 bytes.
            char[]? rented = null;
            var buffer = entityRefUtf8.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(entityRefUtf8.Length));
            try
            {
                var length = Encoding.UTF8.GetChars(entityRefUtf8, buffer);
                return lookup.Contains(buffer[..length]);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }
    }

    /// <summary>The statements of one pass (or part), each prepared once and re-bound per entity or relation row.</summary>
    private sealed class Statements(SqliteConnection connection) : IDisposable
    {
        public RawStatement Insert { get; } = new(connection,
            "INSERT INTO entities (ref, uid, location_id, source, content_hash, processed_json, errors_json, is_orphan, created_at, updated_at) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?8)");

        public RawStatement Update { get; } = new(connection,
            "UPDATE entities SET location_id = ?1, source = ?2, content_hash = ?3, processed_json = ?4, errors_json = ?5, " +
            "is_orphan = 0, updated_at = ?6 WHERE ref = ?7");

        public RawStatement Failed { get; } = new(connection,
            "UPDATE entities SET source = ?1, content_hash = ?2, errors_json = ?3, is_orphan = 0, updated_at = ?4 WHERE ref = ?5");

        public RawStatement Unorphan { get; } = new(connection, "UPDATE entities SET is_orphan = 0, updated_at = ?1 WHERE ref = ?2");

        public RawStatement Orphan { get; } = new(connection, "UPDATE entities SET is_orphan = 1, updated_at = ?1 WHERE ref = ?2");

        public RawStatement DeleteRelations { get; } = new(connection,
            "DELETE FROM relations WHERE originating_ref = ?1 RETURNING source_ref, target_ref");

        public RawStatement InsertRelation { get; } = new(connection,
            "INSERT INTO relations (originating_ref, source_ref, type, target_ref) VALUES (?1, ?2, ?3, ?4)");

        public void Dispose()
        {
            Insert.Dispose();
            Update.Dispose();
            Failed.Dispose();
            Unorphan.Dispose();
            Orphan.Dispose();
            DeleteRelations.Dispose();
            InsertRelation.Dispose();
        }
    }
}
