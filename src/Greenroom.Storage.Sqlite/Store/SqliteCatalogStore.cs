using System.Collections.Concurrent;
using System.Text.Json;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Connections;
using Greenroom.Storage.Sqlite.Migrations;
using Greenroom.Storage.Sqlite.Query;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenroom.Storage.Sqlite;

/// <summary>
/// The embedded catalog store: one SQLite file in WAL mode, one serialized writer and pooled concurrent readers.
/// Every write method is a single transaction, so a crash (even kill -9) leaves the file as it was before or after
/// that write, never in between. Sets of refs travel as one JSON parameter read with <c>json_each</c>, so no
/// statement ever needs a variable per ref.
/// </summary>
public sealed partial class SqliteCatalogStore : ICatalogStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnectionPool _pool;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _initGate = new(1, 1);

    // Queue tickets seen by GetStitchSourcesAsync, so WriteFinalEntitiesAsync only dequeues a ref when nothing
    // re-enqueued it in between (otherwise a change that raced the stitch would never be stitched).
    private readonly ConcurrentDictionary<string, long> _stitchTickets = new(StringComparer.Ordinal);
    private readonly int _broadFilterThreshold;
    private readonly int _bulkStitchThreshold;
    private readonly WriterCache _writerCache;

    // Match totals, filter estimates and facet counts, valid per generation of the final forms (see AggregateCache).
    private readonly AggregateCache _aggregates = new();
    private volatile bool _initialized;

    /// <summary>Creates the store over <see cref="SqliteStoreOptions.DatabasePath"/>; nothing is opened until first use.</summary>
    public SqliteCatalogStore(SqliteStoreOptions options, ILogger<SqliteCatalogStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new ArgumentException("The SQLite store needs a DatabasePath (the database file).", nameof(options));
        }

        _pool = new SqliteConnectionPool(options);
        _broadFilterThreshold = Math.Max(0, options.BroadFilterThreshold);
        _bulkStitchThreshold = Math.Max(0, options.BulkStitchThreshold);
        _writerCache = new WriterCache(options.CacheSizeKiB, options.BulkCacheSizeKiB);
        _logger = logger ?? NullLogger<SqliteCatalogStore>.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await _pool.WriteAsync(async connection =>
                {
                    await SqliteMigrator.MigrateAsync(connection, _logger, _time, cancellationToken).ConfigureAwait(false);

                    // A crash during a bulk stitch leaves its indexes dropped, one during a pass into an empty catalog
                    // the pass's indexes: build them again before any use.
                    using var ensure = connection.Command(BulkStitchIndexes.EnsureSql + IngestionIndexes.EnsureSql);
                    return await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (BEGIN IMMEDIATE), committing only if it completes. Internal so
    /// the other features' stores in this assembly share the one writer connection and the migrations.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _pool.WriteAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one read transaction, so all its statements see the same snapshot.</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _pool.ReadAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the next stitch-queue ticket for this write transaction.</summary>
    private static async Task<long> NextTicketAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            "UPDATE counters SET value = value + 1 WHERE name = 'stitch_ticket' RETURNING value", transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Adds <paramref name="refs"/> to the stitch queue (or refreshes their ticket) in the current transaction.</summary>
    private static async Task EnqueueAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> refs, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            "INSERT INTO stitch_queue (ref, ticket) SELECT value, $ticket FROM json_each($refs) WHERE true " +
            "ON CONFLICT (ref) DO UPDATE SET ticket = excluded.ticket", transaction);
        var ticket = await NextTicketAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        command.With("$ticket", ticket).With("$refs", JsonArray(refs));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A set of strings as one JSON array parameter (read back with <c>json_each</c>).</summary>
    private static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _pool.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
