using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Connections;

/// <summary>
/// SQLite allows one writer at a time and, in WAL mode, any number of readers beside it. So the store keeps exactly
/// one writer connection behind a semaphore (writes queue in-process instead of spinning on SQLITE_BUSY) and a small
/// pool of reader connections, each configured once when opened.
/// </summary>
internal sealed class SqliteConnectionPool : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteStoreOptions _options;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private SqliteConnection? _writer;
    private int _disposed;

    public SqliteConnectionPool(SqliteStoreOptions options)
    {
        _options = options;
        var path = Path.GetFullPath(options.DatabasePath);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Pooling is ours (below), so the library's global pool is off: closing the store releases the file.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>Runs <paramref name="work"/> alone on the writer connection.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Checked again under the gate: a write queued behind DisposeAsync must not reopen the file.
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _writer ??= await OpenAsync(writer: true, cancellationToken).ConfigureAwait(false);
            return await work(_writer).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a reader connection, concurrently with other readers and the writer.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_readers.TryTake(out var connection))
        {
            connection = await OpenAsync(writer: false, cancellationToken).ConfigureAwait(false);
        }

        var healthy = false;
        try
        {
            var result = await work(connection).ConfigureAwait(false);
            healthy = true;
            return result;
        }
        finally
        {
            // A connection that failed mid-read may hold an open transaction: drop it rather than reuse it.
            if (healthy && _disposed == 0 && _readers.Count < _options.MaxPooledReaders)
            {
                _readers.Add(connection);
            }
            else
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Log written between two checkpoints by the writer (SQLite counts it in pages).</summary>
    private const int WalCheckpointBytes = 32 * 1024 * 1024;

    private async Task<SqliteConnection> OpenAsync(bool writer, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var busyMs = (long)_options.BusyTimeout.TotalMilliseconds;
            var pragmas = writer
                // WAL lets readers run beside the writer; NORMAL sync is crash-safe in WAL (a power cut may lose the
                // last commits, never consistency). A stitch batch dirties thousands of scattered index pages: the
                // writer checkpoints every 32 MiB of log rather than SQLite's 4 MiB (1000 pages of 4 KiB), so a page
                // changed by consecutive batches is copied into the database once instead of once per batch.
                // The page size must come first: it only applies to a database not yet written (a new file), and
                // is ignored otherwise.
                ? $"PRAGMA page_size = {_options.PageSizeBytes}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {busyMs}; " +
                  $"PRAGMA cache_size = -{_options.CacheSizeKiB}; PRAGMA temp_store = MEMORY; " +
                  $"PRAGMA wal_autocheckpoint = {WalCheckpointBytes / _options.PageSizeBytes}; PRAGMA journal_size_limit = 67108864;"
                // Readers are many (one per concurrent request) and their pages are in the OS cache anyway: a small
                // cache each keeps 16 of them from holding hundreds of MB.
                : $"PRAGMA busy_timeout = {busyMs}; PRAGMA cache_size = -{_options.ReaderCacheSizeKiB}; PRAGMA temp_store = MEMORY;";
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
                _writer = null;
            }
        }
        finally
        {
            _writeGate.Release();
        }

        while (_readers.TryTake(out var reader))
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }
}
