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
internal sealed class IngestionWriter(SqliteConnection connection, SqliteTransaction transaction, IngestionBatch batch)
{
    private readonly string _locationId = SqliteValues.ToDb(batch.LocationId);
    private readonly long _now = SqliteValues.ToDb(batch.Now);
    private readonly HashSet<string> _toStitch = new(StringComparer.Ordinal);

    private sealed record StoredRow(string LocationId, string Source, string ContentHash, string ErrorsJson, bool IsOrphan);

    /// <summary>Applies a whole pass: entities the batch no longer lists become orphans.</summary>
    public Task<IngestionOutcome> ApplyAsync(CancellationToken cancellationToken) => ApplyCoreAsync(wholePass: true, cancellationToken);

    /// <summary>Applies one part of a pass: nothing becomes an orphan (see <see cref="CompletePassAsync"/>).</summary>
    public Task<IngestionOutcome> ApplyChunkAsync(CancellationToken cancellationToken) => ApplyCoreAsync(wholePass: false, cancellationToken);

    /// <summary>
    /// Ends a pass applied in parts: the location's entities not in <paramref name="produced"/> become orphans, its
    /// orphans in it return (parts leave out entities whose hash is unchanged, orphans included).
    /// </summary>
    public async Task<IngestionOutcome> CompletePassAsync(IReadOnlySet<string> produced, CancellationToken cancellationToken)
    {
        await EnsureLocationExistsAsync(cancellationToken).ConfigureAwait(false);
        var own = await LoadOwnRowsAsync(cancellationToken).ConfigureAwait(false);
        using var statements = new Statements(connection, transaction);
        var returned = new List<string>();
        foreach (var (entityRef, row) in own)
        {
            if (row.IsOrphan && produced.Contains(entityRef))
            {
                await statements.ExecuteAsync(statements.Unorphan, cancellationToken, _now, entityRef).ConfigureAwait(false);
                _toStitch.Add(entityRef);
                returned.Add(entityRef);
            }
        }

        var orphaned = await OrphanMissingAsync(statements, own, produced.Contains, cancellationToken).ConfigureAwait(false);
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

        using var statements = new Statements(connection, transaction);
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
                    await UpdateAsync(statements, entity, cancellationToken).ConfigureAwait(false);
                    updated.Add(entity.EntityRef);
                }
                else if (entity.ErrorsJson is not null
                         && (mine.IsOrphan || mine.ContentHash != entity.ContentHash || mine.ErrorsJson != entity.ErrorsJson || mine.Source != entity.Source))
                {
                    // Failed to process: keep the last good form and relations, record the new hash and errors.
                    await statements.ExecuteAsync(statements.Failed, cancellationToken,
                        entity.Source, entity.ContentHash, entity.ErrorsJson, _now, entity.EntityRef).ConfigureAwait(false);
                    _toStitch.Add(entity.EntityRef);
                    updated.Add(entity.EntityRef);
                }
                else if (mine.IsOrphan)
                {
                    await statements.ExecuteAsync(statements.Unorphan, cancellationToken, _now, entity.EntityRef).ConfigureAwait(false);
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
                    await UpdateAsync(statements, entity, cancellationToken).ConfigureAwait(false);
                    added.Add(entity.EntityRef);
                }
            }
            else if (entity.ProcessedJson is not null)
            {
                await statements.ExecuteAsync(statements.Insert, cancellationToken,
                    entity.EntityRef, NewUid(), _locationId, entity.Source, entity.ContentHash,
                    entity.ProcessedJson, entity.ErrorsJson ?? "[]", _now).ConfigureAwait(false);
                await InsertRelationsAsync(statements, entity, cancellationToken).ConfigureAwait(false);
                _toStitch.Add(entity.EntityRef);
                added.Add(entity.EntityRef);
            }
        }

        var orphaned = wholePass
            ? await OrphanMissingAsync(statements, own, firstSource.ContainsKey, cancellationToken).ConfigureAwait(false)
            : [];
        return new IngestionOutcome(added, updated, unchanged, orphaned, conflicts, _toStitch.ToList());
    }

    /// <summary>Marks the location's entities the pass did not produce as orphans, except those of unreadable sources.</summary>
    private async Task<List<string>> OrphanMissingAsync(
        Statements statements, Dictionary<string, StoredRow> own, Func<string, bool> produced, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(batch.KeepSources, StringComparer.Ordinal);
        var orphaned = new List<string>();
        foreach (var (entityRef, row) in own)
        {
            if (produced(entityRef) || row.IsOrphan || keep.Contains(row.Source))
            {
                continue;
            }

            await statements.ExecuteAsync(statements.Orphan, cancellationToken, _now, entityRef).ConfigureAwait(false);
            _toStitch.Add(entityRef);
            orphaned.Add(entityRef);
        }

        return orphaned;
    }

    /// <summary>
    /// A new entity uid: a time-ordered (version 7) UUID, so a large pass appends to the uid index instead of writing
    /// into random places of it; to clients it is as opaque as a random one.
    /// </summary>
    private static string NewUid() => Guid.CreateVersion7().ToString("D");

    private async Task UpdateAsync(Statements statements, IngestedEntity entity, CancellationToken cancellationToken)
    {
        await statements.ExecuteAsync(statements.Update, cancellationToken,
            _locationId, entity.Source, entity.ContentHash, entity.ProcessedJson, entity.ErrorsJson ?? "[]", _now, entity.EntityRef).ConfigureAwait(false);

        // The entities at the far end of the old relations must lose them: stitch them too.
        statements.DeleteRelations.Parameters[0].Value = entity.EntityRef;
        using (var reader = await statements.DeleteRelations.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _toStitch.Add(reader.GetString(0));
                _toStitch.Add(reader.GetString(1));
            }
        }

        await InsertRelationsAsync(statements, entity, cancellationToken).ConfigureAwait(false);
        _toStitch.Add(entity.EntityRef);
    }

    private async Task InsertRelationsAsync(Statements statements, IngestedEntity entity, CancellationToken cancellationToken)
    {
        foreach (var relation in (entity.Relations ?? []).Distinct())
        {
            await statements.ExecuteAsync(statements.InsertRelation, cancellationToken,
                entity.EntityRef, relation.SourceRef, relation.Type, relation.TargetRef).ConfigureAwait(false);
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

    /// <summary>The prepared statements of one pass, each compiled once and re-bound per entity.</summary>
    private sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        public SqliteCommand Insert { get; } = connection.Prepared(transaction,
            "INSERT INTO entities (ref, uid, location_id, source, content_hash, processed_json, errors_json, is_orphan, created_at, updated_at) " +
            "VALUES ($p1, $p2, $p3, $p4, $p5, $p6, $p7, 0, $p8, $p8)", 8);

        public SqliteCommand Update { get; } = connection.Prepared(transaction,
            "UPDATE entities SET location_id = $p1, source = $p2, content_hash = $p3, processed_json = $p4, errors_json = $p5, " +
            "is_orphan = 0, updated_at = $p6 WHERE ref = $p7", 7);

        public SqliteCommand Failed { get; } = connection.Prepared(transaction,
            "UPDATE entities SET source = $p1, content_hash = $p2, errors_json = $p3, is_orphan = 0, updated_at = $p4 WHERE ref = $p5", 5);

        public SqliteCommand Unorphan { get; } = connection.Prepared(transaction,
            "UPDATE entities SET is_orphan = 0, updated_at = $p1 WHERE ref = $p2", 2);

        public SqliteCommand Orphan { get; } = connection.Prepared(transaction,
            "UPDATE entities SET is_orphan = 1, updated_at = $p1 WHERE ref = $p2", 2);

        public SqliteCommand DeleteRelations { get; } = connection.Prepared(transaction,
            "DELETE FROM relations WHERE originating_ref = $p1 RETURNING source_ref, target_ref", 1);

        public SqliteCommand InsertRelation { get; } = connection.Prepared(transaction,
            "INSERT INTO relations (originating_ref, source_ref, type, target_ref) VALUES ($p1, $p2, $p3, $p4)", 4);

        public async Task ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
        {
            command.Bind(values);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

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
