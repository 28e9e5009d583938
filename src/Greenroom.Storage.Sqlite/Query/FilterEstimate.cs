using Greenroom.Catalog.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Decides whether a filter is broad (many matches: walk rows in index order and probe each, stopping after a page)
/// or narrow (few matches: collect them and sort). The estimate counts index entries of the most selective positive
/// condition per alternative, each count capped, so deciding never costs more than a few thousand index steps.
/// </summary>
internal static class FilterEstimate
{
    /// <summary>Whether <paramref name="filter"/> may match more than <paramref name="broadThreshold"/> entities.</summary>
    public static async Task<bool> IsBroadAsync(
        SqliteConnection connection, SqliteTransaction transaction, EntityFilter? filter, int broadThreshold, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            return true;
        }

        long total = 0;
        foreach (var alternative in filter.AnyOf)
        {
            long? smallest = null;
            foreach (var condition in alternative.AllOf.Where(c => !c.Negate))
            {
                var sql = new SqlBuilder().Append("SELECT COUNT(*) FROM (SELECT 1 FROM search e WHERE e.key = ")
                    .Value(condition.Key.ToLowerInvariant());
                FilterSql.AppendValues(sql, condition, "e");
                sql.Append(" LIMIT ").Value(broadThreshold + 1).Append(")");
                using var command = sql.ToCommand(connection, transaction);
                var count = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                smallest = Math.Min(smallest ?? long.MaxValue, count);
                if (smallest == 0)
                {
                    break;
                }
            }

            // An alternative of only negated conditions may match nearly everything.
            total += smallest ?? broadThreshold + 1;
            if (total > broadThreshold)
            {
                return true;
            }
        }

        return false;
    }
}
