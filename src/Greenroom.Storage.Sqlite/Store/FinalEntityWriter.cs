using Greenroom.Catalog.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>Writes stitched entities, their search rows and history inside the caller's write transaction.</summary>
internal sealed class FinalEntityWriter : IDisposable
{
    private readonly SqliteCommand _exists;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _clearSearch;
    private readonly SqliteCommand _insertSearch;
    private readonly SqliteCommand _history;
    private readonly SqliteCommand _dropFinal;
    private readonly SqliteCommand _dequeue;
    private readonly SqliteCommand _dequeueIfTicket;

    public FinalEntityWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _exists = connection.Prepared(transaction, "SELECT 1 FROM entities WHERE ref = $p1 AND uid = $p2", 2);
        _upsert = connection.Prepared(transaction,
            "INSERT INTO final_entities (ref, uid, final_json, final_hash, stitched_at) VALUES ($p1, $p2, $p3, $p4, $p5) " +
            "ON CONFLICT (ref) DO UPDATE SET uid = excluded.uid, final_json = excluded.final_json, " +
            "final_hash = excluded.final_hash, stitched_at = excluded.stitched_at", 5);
        _clearSearch = connection.Prepared(transaction, "DELETE FROM search WHERE entity_ref = $p1", 1);
        // One prepared insert per row: measured over twice as fast as inserting the entity's rows as one JSON array
        // through json_each, which is slow into an indexed table.
        _insertSearch = connection.Prepared(transaction,
            "INSERT INTO search (entity_ref, key, seq, value, original_value) VALUES ($p1, $p2, $p3, $p4, $p5)", 5);
        _history = connection.Prepared(transaction,
            "INSERT INTO entity_history (uid, entity_ref, at, location_id, change, diff_json) VALUES ($p1, $p2, $p3, $p4, $p5, $p6)", 6);
        // A ref stitched after its entity went away loses its final form (its search rows follow by trigger).
        _dropFinal = connection.Prepared(transaction,
            "DELETE FROM final_entities WHERE ref = $p1 AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.ref = $p1)", 1);
        _dequeue = connection.Prepared(transaction, "DELETE FROM stitch_queue WHERE ref = $p1", 1);
        _dequeueIfTicket = connection.Prepared(transaction, "DELETE FROM stitch_queue WHERE ref = $p1 AND ticket <= $p2", 2);
    }

    /// <summary>Whether anything a query can see changed (a final form written or dropped).</summary>
    public bool Changed { get; private set; }

    public async Task WriteAsync(FinalEntity entity, CancellationToken cancellationToken)
    {
        // The entity may have been deleted (or deleted and re-created with a new uid) since it was read for
        // stitching: then this final form is stale and is dropped; the newer change is queued already.
        _exists.Bind(entity.EntityRef, entity.Uid);
        if (await _exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        _upsert.Bind(entity.EntityRef, entity.Uid, entity.FinalJson, entity.FinalHash, SqliteValues.ToDb(entity.History.At));
        await _upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Changed = true;

        _clearSearch.Bind(entity.EntityRef);
        await _clearSearch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        // seq numbers the entity's rows (the table's key is entity, key, seq); identical rows are stored once. The
        // original value is kept only where it differs from the lower-cased one (see migration 0003).
        var seq = 0L;
        foreach (var row in entity.SearchRows.Distinct())
        {
            var original = string.Equals(row.OriginalValue, row.Value, StringComparison.Ordinal) ? null : row.OriginalValue;
            _insertSearch.Bind(entity.EntityRef, row.Key, seq++, row.Value, original);
            await _insertSearch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var history = entity.History;
        _history.Bind(entity.Uid, entity.EntityRef, SqliteValues.ToDb(history.At),
            history.LocationId is { } location ? SqliteValues.ToDb(location) : null, history.Change, history.DiffJson);
        await _history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks <paramref name="entityRef"/> stitched: drops a final form without entity and dequeues it.</summary>
    public async Task FinishAsync(string entityRef, long? ticketSeen, CancellationToken cancellationToken)
    {
        _dropFinal.Bind(entityRef);
        if (await _dropFinal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            Changed = true;
        }

        if (ticketSeen is { } ticket)
        {
            _dequeueIfTicket.Bind(entityRef, ticket);
            await _dequeueIfTicket.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _dequeue.Bind(entityRef);
            await _dequeue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _exists.Dispose();
        _upsert.Dispose();
        _clearSearch.Dispose();
        _insertSearch.Dispose();
        _history.Dispose();
        _dropFinal.Dispose();
        _dequeue.Dispose();
        _dequeueIfTicket.Dispose();
    }
}
