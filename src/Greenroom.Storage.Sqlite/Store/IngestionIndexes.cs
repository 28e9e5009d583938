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
    private static readonly RebuiltIndexes Indexes = new(
        ("entities_location", "entities (location_id)"),
        ("entities_source", "entities (source)"),
        ("relations_originating", "relations (originating_ref)"),
        ("relations_source", "relations (source_ref)"));

    /// <summary>Creates whichever of the indexes is missing (cheap when none is).</summary>
    public static string EnsureSql => Indexes.EnsureSql;

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

        using var drop = connection.Command(Indexes.DropSql, transaction);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Builds the indexes a pass into an empty catalog dropped; returns whether any was missing.</summary>
    public static async Task<bool> EnsureAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using (var present = connection.Command(Indexes.CountPresentSql, transaction))
        {
            if (await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count && count == Indexes.Count)
            {
                return false;
            }
        }

        using var ensure = connection.Command(EnsureSql, transaction);
        await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
