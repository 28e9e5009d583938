using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <summary>
    /// The indexes a bulk stitch drops and builds again at its end: one sorted build of each is far cheaper than inserting
    /// rows into them in the stitch's (ref) order. The filter index of migration 0002 outgrows the page cache; the uid
    /// indexes of history and final forms (migration 0008) are small, but in uid order, so every transaction of a cold
    /// stitch dirtied nearly all of their pages and wrote them to the log again (at 100k entities, about a quarter of a
    /// gigabyte of log, and as much checkpoint copying, each).
    /// </summary>
    private static readonly RebuiltIndexes BulkStitchIndexes = new(
        ("search_key_value", "search (key, value, entity_ref, original_value)"),
        ("entity_history_uid", "entity_history (uid, seq)"),
        ("final_entities_uid", "final_entities (uid)"));

    /// <inheritdoc />
    /// <remarks>
    /// Begins only when at least <see cref="SqliteStoreOptions.BulkStitchThreshold"/> refs are queued and fewer final
    /// forms exist than half of them: then rebuilding the indexes over all rows costs less than inserting the new rows
    /// into them. They are dropped in a committed transaction, so readers see either an index or none; queries never
    /// depend on them for their results (they all order explicitly), only for speed.
    /// </remarks>
    public async Task<bool> BeginBulkStitchAsync(CancellationToken cancellationToken)
    {
        if (_bulkStitchThreshold <= 0)
        {
            return false;
        }

        return await WriteAsync(async (connection, transaction) =>
        {
            long queued, finals;
            using (var count = connection.Command(
                "SELECT (SELECT COUNT(*) FROM stitch_queue), (SELECT COUNT(*) FROM final_entities)", transaction))
            using (var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                queued = reader.GetInt64(0);
                finals = reader.GetInt64(1);
            }

            if (queued < _bulkStitchThreshold || finals * 2 > queued)
            {
                return false;
            }

            using var drop = connection.Command(BulkStitchIndexes.DropSql, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await _writerCache.EnterBulkAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The filter index build is one big sort. Measured on 2.5M rows (100k entities): a sort held in memory
    /// (temp_store = MEMORY, as the store runs) added about 250 MB to the peak RSS and took 5.3 s; spilling sorted
    /// runs to a temporary file with a 16 MB sort budget and a helper thread adds about 50 MB and takes 3.2 s. The
    /// writer's settings are restored afterwards. temp_store cannot change inside a transaction, so the CREATE INDEX
    /// statements run on their own (each is atomic by itself). The writer then leaves the bulk page cache.
    /// </remarks>
    public async Task EndBulkStitchAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _pool.WriteAsync(async connection =>
        {
            await ExecuteAsync(connection, "PRAGMA temp_store = FILE; PRAGMA threads = 2; PRAGMA cache_size = -16384;", cancellationToken).ConfigureAwait(false);
            try
            {
                return await ExecuteAsync(connection, BulkStitchIndexes.EnsureSql, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ExecuteAsync(connection, "PRAGMA temp_store = MEMORY; PRAGMA threads = 0;", CancellationToken.None).ConfigureAwait(false);
                await _writerCache.LeaveBulkAsync(connection, null, CancellationToken.None).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
