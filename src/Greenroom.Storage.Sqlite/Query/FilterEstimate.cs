using Greenroom.Catalog.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Decides whether a filter is broad (many matches: walk rows in index order and probe each, stopping after a page)
/// or narrow (few matches: collect them and sort). The estimate counts index entries of the most selective positive
/// condition per alternative, each count capped, so deciding never costs more than a few thousand index steps; the
/// counts are cached per data generation, so repeated queries do not pay even that.
/// </summary>
internal sealed class FilterEstimate(
    SqliteConnection connection, SqliteTransaction transaction, AggregateCache cache, long generation, int broadThreshold)
{
    /// <summary>Whether <paramref name="filter"/> may match more than the broad threshold of entities.</summary>
    public async Task<bool> IsBroadAsync(EntityFilter? filter, CancellationToken cancellationToken)
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
                smallest = Math.Min(smallest ?? long.MaxValue, await CountAsync(condition, cancellationToken).ConfigureAwait(false));
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

    /// <summary>
    /// The condition to read a ref-ordered page by: in a filter of one alternative, the positive single-value condition
    /// with the fewest index entries (its index range lists the matching refs in ref order). Null when there is none.
    /// </summary>
    public async Task<FilterCondition?> DrivingConditionAsync(EntityFilter? filter, CancellationToken cancellationToken)
    {
        if (filter is not { AnyOf: [{ AllOf: var conditions }] })
        {
            return null;
        }

        FilterCondition? best = null;
        long bestCount = long.MaxValue;
        foreach (var condition in conditions)
        {
            if (condition.Negate || condition.Values is null
                || condition.Values.Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                continue;
            }

            var count = await CountAsync(condition, cancellationToken).ConfigureAwait(false);
            if (count < bestCount)
            {
                (best, bestCount) = (condition, count);
            }
        }

        return best;
    }

    /// <summary>Index entries of <paramref name="condition"/>, capped just above the broad threshold.</summary>
    private Task<long> CountAsync(FilterCondition condition, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder().Append("SELECT COUNT(*) FROM (SELECT 1 FROM search e WHERE e.key = ")
            .Value(condition.Key.ToLowerInvariant());
        FilterSql.AppendValues(sql, condition, "e");
        sql.Append(" LIMIT ").Value(broadThreshold + 1).Append(")");
        return cache.GetOrAddAsync(sql.CacheKey(), generation, async () =>
        {
            using var command = sql.ToCommand(connection, transaction);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });
    }
}
