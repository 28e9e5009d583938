using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Remembers aggregates over the final entities (match counts, filter estimates, facet counts), which cost a scan of
/// every matching search row, while the page beside them costs only a few index steps. Each value is tagged with the
/// final-forms generation it was computed in: a counter in the database that every write changing final forms bumps
/// inside its own transaction. A reader reads the counter in its own snapshot, so it only ever gets a value computed
/// from exactly the data it sees, across connections and processes, with no invalidation to race.
/// </summary>
internal sealed class AggregateCache
{
    // Distinct filters are few in practice; the bound only stops an unusual client from growing the cache without end.
    private const int MaxEntries = 1024;

    private const string CounterName = "final_generation";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(long Generation, object Value);

    /// <summary>The generation of the final forms as seen by <paramref name="transaction"/>'s snapshot.</summary>
    public static async Task<long> ReadGenerationAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM counters WHERE name = '" + CounterName + "'";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : 0;
    }

    /// <summary>Moves the generation on inside a write transaction that changes final forms (or their search rows).</summary>
    public static async Task BumpGenerationAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO counters (name, value) VALUES ('" + CounterName + "', 1) " +
                              "ON CONFLICT (name) DO UPDATE SET value = value + 1";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value cached under <paramref name="key"/> for <paramref name="generation"/>, else computes and caches it.</summary>
    public async Task<T> GetOrAddAsync<T>(string key, long generation, Func<Task<T>> compute)
        where T : notnull
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation)
        {
            return (T)entry.Value;
        }

        var value = await compute().ConfigureAwait(false);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // A reader on an older snapshot must not replace a newer value.
        _entries.AddOrUpdate(key, new Entry(generation, value), (_, existing) => existing.Generation > generation ? existing : new Entry(generation, value));
        return value;
    }
}
