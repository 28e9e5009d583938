using Greenroom.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>
/// Sizes the writer connection's page cache: large while it writes in bulk (a pass into an empty catalog, a bulk
/// stitch), small otherwise. A cold 100k ingestion needs the large cache (with a 32 MiB one it took 0.5-1 s longer),
/// but kept afterwards it only held pages an idle pass had scanned; the full 100k bench peaked at 471-512 MB RSS with
/// it and at about 400 MB with the cache reduced and its memory released after the bulk stitch.
/// </summary>
internal sealed class WriterCache(int steadyKiB, int bulkKiB)
{
    /// <summary>Grows the cache for bulk writes.</summary>
    public Task EnterBulkAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"PRAGMA cache_size = -{bulkKiB}", cancellationToken);

    /// <summary>Shrinks the cache back, frees the pages it no longer may hold, and returns that memory to the system.</summary>
    /// <remarks>Inside a write transaction the pages it changed stay cached until it ends.</remarks>
    public async Task LeaveBulkAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, $"PRAGMA cache_size = -{steadyKiB}; PRAGMA shrink_memory", cancellationToken).ConfigureAwait(false);
        GlibcHeap.ReleaseFreeMemory();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
