using System.Text.Json;
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
        _exists = Create(connection, transaction, "SELECT 1 FROM entities WHERE ref = $p1 AND uid = $p2", 2);
        _upsert = Create(connection, transaction,
            "INSERT INTO final_entities (ref, uid, final_json, final_hash, stitched_at) VALUES ($p1, $p2, $p3, $p4, $p5) " +
            "ON CONFLICT (ref) DO UPDATE SET uid = excluded.uid, final_json = excluded.final_json, " +
            "final_hash = excluded.final_hash, stitched_at = excluded.stitched_at", 5);
        _clearSearch = Create(connection, transaction, "DELETE FROM search WHERE entity_ref = $p1", 1);
        // All rows of an entity in one statement: a JSON array of [key, value, original] triples.
        _insertSearch = Create(connection, transaction,
            "INSERT INTO search (entity_ref, key, value, original_value) " +
            "SELECT $p1, r.value ->> 0, r.value ->> 1, r.value ->> 2 FROM json_each($p2) r", 2);
        _history = Create(connection, transaction,
            "INSERT INTO entity_history (uid, entity_ref, at, location_id, change, diff_json) VALUES ($p1, $p2, $p3, $p4, $p5, $p6)", 6);
        // A ref stitched after its entity went away loses its final form (search rows follow by cascade).
        _dropFinal = Create(connection, transaction,
            "DELETE FROM final_entities WHERE ref = $p1 AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.ref = $p1)", 1);
        _dequeue = Create(connection, transaction, "DELETE FROM stitch_queue WHERE ref = $p1", 1);
        _dequeueIfTicket = Create(connection, transaction, "DELETE FROM stitch_queue WHERE ref = $p1 AND ticket <= $p2", 2);
    }

    public async Task WriteAsync(FinalEntity entity, CancellationToken cancellationToken)
    {
        // The entity may have been deleted (or deleted and re-created with a new uid) since it was read for
        // stitching: then this final form is stale and is dropped; the newer change is queued already.
        Bind(_exists, entity.EntityRef, entity.Uid);
        if (await _exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        Bind(_upsert, entity.EntityRef, entity.Uid, entity.FinalJson, entity.FinalHash, SqliteValues.ToDb(entity.History.At));
        await _upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        Bind(_clearSearch, entity.EntityRef);
        await _clearSearch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var rows = entity.SearchRows.Distinct().Select(r => new[] { r.Key, r.Value, r.OriginalValue }).ToList();
        if (rows.Count > 0)
        {
            Bind(_insertSearch, entity.EntityRef, JsonSerializer.Serialize(rows));
            await _insertSearch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var history = entity.History;
        Bind(_history, entity.Uid, entity.EntityRef, SqliteValues.ToDb(history.At),
            history.LocationId is { } location ? SqliteValues.ToDb(location) : null, history.Change, history.DiffJson);
        await _history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks <paramref name="entityRef"/> stitched: drops a final form without entity and dequeues it.</summary>
    public async Task FinishAsync(string entityRef, long? ticketSeen, CancellationToken cancellationToken)
    {
        Bind(_dropFinal, entityRef);
        await _dropFinal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (ticketSeen is { } ticket)
        {
            Bind(_dequeueIfTicket, entityRef, ticket);
            await _dequeueIfTicket.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Bind(_dequeue, entityRef);
            await _dequeue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Set(values[i]);
        }
    }

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.Command(sql, transaction);
        for (var i = 1; i <= parameters; i++)
        {
            command.Param("$p" + i);
        }

        return command;
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
