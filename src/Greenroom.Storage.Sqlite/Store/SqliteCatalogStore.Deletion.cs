using Greenroom.Storage.Sqlite.Query;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    // The doomed entities are named by one predicate over `entities e`, so every step below is one set-based
    // statement whatever the number of entities (a location can produce tens of thousands).

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> DeleteLocationAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var locationId = SqliteValues.ToDb(id);
            using (var exists = connection.Command("SELECT 1 FROM locations WHERE id = $id", transaction).With("$id", locationId))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    return null;
                }
            }

            var peers = await DeleteEntitiesAsync(connection, transaction, "e.location_id = $key", locationId, now, cancellationToken).ConfigureAwait(false);
            using (var delete = connection.Command("DELETE FROM locations WHERE id = $id", transaction).With("$id", locationId))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return (IReadOnlyList<string>?)peers;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> DeleteEntityAsync(string uid, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            using (var exists = connection.Command("SELECT 1 FROM entities WHERE uid = $uid", transaction).With("$uid", uid))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    return null;
                }
            }

            return (IReadOnlyList<string>?)await DeleteEntitiesAsync(connection, transaction, "e.uid = $key", uid, now, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Deletes the entities matching <paramref name="predicate"/> (relations they originate, final forms and search
    /// rows follow by cascade), records a <c>deleted</c> history entry for each, and enqueues and returns the surviving
    /// entities at the other end of their relations.
    /// </summary>
    private static async Task<List<string>> DeleteEntitiesAsync(
        SqliteConnection connection, SqliteTransaction transaction, string predicate, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var peers = new List<string>();
        using (var select = connection.Command(
            $"SELECT r.source_ref FROM relations r JOIN entities e ON e.ref = r.originating_ref WHERE {predicate} " +
            $"UNION SELECT r.target_ref FROM relations r JOIN entities e ON e.ref = r.originating_ref WHERE {predicate}", transaction)
            .With("$key", key))
        using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                peers.Add(reader.GetString(0));
            }
        }

        using (var history = connection.Command(
            "INSERT INTO entity_history (uid, entity_ref, at, location_id, change, diff_json) " +
            $"SELECT e.uid, e.ref, $at, e.location_id, 'deleted', '[]' FROM entities e WHERE {predicate} ORDER BY e.ref", transaction)
            .With("$key", key).With("$at", SqliteValues.ToDb(now)))
        {
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var deleted = new HashSet<string>(StringComparer.Ordinal);
        using (var delete = connection.Command($"DELETE FROM entities AS e WHERE {predicate} RETURNING ref", transaction).With("$key", key))
        using (var reader = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                deleted.Add(reader.GetString(0));
            }
        }

        // Final forms and search rows went with the entities (cascade): cached aggregates no longer hold.
        await AggregateCache.BumpGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        using (var dequeue = connection.Command("DELETE FROM stitch_queue WHERE ref IN (SELECT value FROM json_each($refs))", transaction)
            .With("$refs", JsonArray(deleted)))
        {
            await dequeue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        peers.RemoveAll(deleted.Contains);
        peers.Sort(StringComparer.Ordinal);
        if (peers.Count > 0)
        {
            await EnqueueAsync(connection, transaction, peers, cancellationToken).ConfigureAwait(false);
        }

        return peers;
    }
}
