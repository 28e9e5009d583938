using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>
/// The secondary indexes a location pass writes into besides the tables' keys (migration 0001). A pass into an empty
/// catalog drops them and builds each once at its end: at 100k entities and 500k relations, inserting every row into
/// four more B-trees in reading order cost the single writer about 2 s more than one sorted build of each.
/// </summary>
/// <remarks>
/// No query needs them for its result, only for its speed: the pass itself reads entities by ref (the primary key).
/// A pass that fails half way leaves them dropped until the next pass ends, or the next start.
/// </remarks>
internal static class IngestionIndexes
{
    private static readonly string[] Names = ["entities_location", "entities_source", "relations_originating", "relations_source"];

    /// <summary>Creates whichever of the indexes is missing (cheap when none is).</summary>
    public const string EnsureSql =
        "CREATE INDEX IF NOT EXISTS entities_location ON entities (location_id); " +
        "CREATE INDEX IF NOT EXISTS entities_source ON entities (source); " +
        "CREATE INDEX IF NOT EXISTS relations_originating ON relations (originating_ref); " +
        "CREATE INDEX IF NOT EXISTS relations_source ON relations (source_ref);";

    /// <summary>Drops the indexes when the catalog has no entity yet; returns whether it did.</summary>
    public static async Task<bool> DropWhenEmptyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using (var empty = connection.Command("SELECT NOT EXISTS (SELECT 1 FROM entities)", transaction))
        {
            if (await empty.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not 1L)
            {
                return false;
            }
        }

        using var drop = connection.Command(string.Concat(Names.Select(name => $"DROP INDEX IF EXISTS {name}; ")), transaction);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Builds the indexes a pass into an empty catalog dropped; returns whether any was missing.</summary>
    public static async Task<bool> EnsureAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using (var present = connection.Command(
                   $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ({string.Join(", ", Names.Select(n => $"'{n}'"))})", transaction))
        {
            if (await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count && count == Names.Length)
            {
                return false;
            }
        }

        using var ensure = connection.Command(EnsureSql, transaction);
        await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
