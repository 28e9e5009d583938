using Greenroom.Catalog.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>One result row: the entity and its sort values.</summary>
internal sealed record QueryRow(string Ref, string Uid, string Json, string?[] SortValues);

/// <summary>
/// A page ordered by one field, read in the order of the (key, value, entity_ref) index so that a broad filter stops
/// after one page instead of sorting every match. The ordered sequence is split in two runs read by separate
/// statements in one snapshot: entities with a value for the field (by value, then ref) and, after them, entities
/// without one (by ref). An entity with several values sorts by its smallest, like the general query.
/// Known limit: the walk passes the values of every kind, so a kind whose values are rare or clustered in the field
/// (groups by spec.owner, a last page before entities without a value) walks the key's rows of other kinds, about
/// 0.3-0.7 s at 100k entities. An index over (key, kind of the ref, value, ref) for the portal's sort keys would make
/// each such page one index range.
/// </summary>
internal sealed class IndexOrderedPage(SqliteConnection connection, SqliteTransaction transaction, EntityQuery query)
{
    private readonly string _key = query.Order[0].Field.ToLowerInvariant();
    private readonly bool _descending = query.Order[0].Descending;

    // Tests one entity's own rows of the key. A bare "o.value IS NOT NULL" reads to SQLite as the range value > NULL
    // of the (key, value, entity_ref) index, which it then prefers to the (entity_ref, key) primary key: a walk of the
    // key's every row per entity probed (seconds at 100k). The unary plus leaves it a plain test on the row.
    private const string HasValue = " AND +o.value IS NOT NULL";

    /// <summary>The page in forward order, and whether rows exist beyond it in the direction read.</summary>
    public async Task<(List<QueryRow> Rows, bool HasMore)> ReadAsync(CancellationToken cancellationToken)
    {
        // One row more than asked tells whether there are more; -1 is SQLite's "no limit".
        long want = query.Limit is { } l ? (long)Math.Max(0, l) + 1 : -1;
        var rows = new List<QueryRow>();
        var after = query.After;

        if (after is null)
        {
            long offset = Math.Max(0, query.Offset ?? 0);
            rows.AddRange(await WithValueAsync(false, null, want, offset, cancellationToken).ConfigureAwait(false));
            if (want < 0 || rows.Count < want)
            {
                // The offset ran past the rows with a value only if none came back.
                var skip = rows.Count > 0 || offset == 0 ? 0 : offset - await CountWithValueAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(await WithoutValueAsync(false, null, Remaining(want, rows.Count), Math.Max(0, skip), cancellationToken).ConfigureAwait(false));
            }
        }
        else if (!after.Backward)
        {
            if (after.SortValues[0] is not null)
            {
                rows.AddRange(await WithValueAsync(false, after, want, 0, cancellationToken).ConfigureAwait(false));
            }

            if (want < 0 || rows.Count < want)
            {
                var position = after.SortValues[0] is null ? after : null;
                rows.AddRange(await WithoutValueAsync(false, position, Remaining(want, rows.Count), 0, cancellationToken).ConfigureAwait(false));
            }
        }
        else
        {
            // Backward: read in reverse order (rows without a value come last, so they are read first), then flip.
            if (after.SortValues[0] is null)
            {
                rows.AddRange(await WithoutValueAsync(true, after, want, 0, cancellationToken).ConfigureAwait(false));
            }

            if (want < 0 || rows.Count < want)
            {
                var position = after.SortValues[0] is null ? null : after;
                rows.AddRange(await WithValueAsync(true, position, Remaining(want, rows.Count), 0, cancellationToken).ConfigureAwait(false));
            }
        }

        var hasMore = want >= 0 && rows.Count >= want;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (after?.Backward == true)
        {
            rows.Reverse();
        }

        return (rows, hasMore);
    }

    private static long Remaining(long want, int have) => want < 0 ? -1 : want - have;

    private Task<List<QueryRow>> WithValueAsync(bool backward, KeysetPosition? position, long limit, long offset, CancellationToken cancellationToken) =>
        ReadRowsAsync(WithValueSql(backward, position, limit, offset), cancellationToken);

    /// <summary>The run of entities with a value, by value then ref, strictly beyond <paramref name="position"/>.</summary>
    internal SqlBuilder WithValueSql(bool backward, KeysetPosition? position, long limit, long offset)
    {
        var sql = new SqlBuilder()
            .Append("SELECT f.ref, f.uid, f.final_json, o.value FROM search o CROSS JOIN final_entities f ")
            .Append("WHERE o.key = ").Value(_key).Append(" AND o.value IS NOT NULL AND f.ref = o.entity_ref ")
            // Only the entity's smallest value (the first such row) takes part, so it appears once.
            .Append("AND NOT EXISTS (SELECT 1 FROM search d WHERE d.entity_ref = o.entity_ref AND d.key = o.key ")
            .Append("AND (d.value < o.value OR (d.value = o.value AND d.seq < o.seq))) AND ");
        EntityQuerySql.AppendWhere(sql, query, FilterMode.Probe);

        // Reading forward on an ascending field (or backward on a descending one) goes towards greater values.
        var towardsGreater = _descending == backward;
        if (position is not null)
        {
            var value = position.SortValues[0];
            sql.Append($" AND (o.value {(towardsGreater ? ">" : "<")} ").Value(value)
                .Append(" OR (o.value = ").Value(value).Append($" AND o.entity_ref {(backward ? "<" : ">")} ").Value(position.EntityRef).Append("))");
        }

        sql.Append($" ORDER BY o.value{(towardsGreater ? "" : " DESC")}, o.entity_ref{(backward ? " DESC" : "")}");
        sql.Append(" LIMIT ").Value(limit).Append(" OFFSET ").Value(offset);
        return sql;
    }

    private Task<List<QueryRow>> WithoutValueAsync(bool backward, KeysetPosition? position, long limit, long offset, CancellationToken cancellationToken) =>
        ReadRowsAsync(WithoutValueSql(backward, position, limit, offset), cancellationToken);

    /// <summary>The run of entities without a value, by ref, strictly beyond <paramref name="position"/>.</summary>
    internal SqlBuilder WithoutValueSql(bool backward, KeysetPosition? position, long limit, long offset)
    {
        var sql = new SqlBuilder()
            .Append("SELECT f.ref, f.uid, f.final_json, NULL FROM final_entities f ")
            .Append("WHERE NOT EXISTS (SELECT 1 FROM search o WHERE o.entity_ref = f.ref AND o.key = ").Value(_key)
            .Append(HasValue).Append(") AND ");
        EntityQuerySql.AppendWhere(sql, query, FilterMode.Probe);
        KindRange.AppendRestriction(sql, query.Filter, "f.ref");
        if (position is not null)
        {
            sql.Append(backward ? " AND f.ref < " : " AND f.ref > ").Value(position.EntityRef);
        }

        sql.Append(backward ? " ORDER BY f.ref DESC" : " ORDER BY f.ref");
        sql.Append(" LIMIT ").Value(limit).Append(" OFFSET ").Value(offset);
        return sql;
    }

    private async Task<long> CountWithValueAsync(CancellationToken cancellationToken)
    {
        using var command = CountWithValueSql().ToCommand(connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Counts the matches that have a value (an offset past them continues into the second run).</summary>
    internal SqlBuilder CountWithValueSql()
    {
        var sql = new SqlBuilder().Append("SELECT COUNT(*) FROM final_entities f WHERE EXISTS (SELECT 1 FROM search o WHERE o.entity_ref = f.ref AND o.key = ")
            .Value(_key).Append(HasValue).Append(") AND ");
        EntityQuerySql.AppendWhere(sql, query, FilterMode.Set);
        return sql;
    }

    private async Task<List<QueryRow>> ReadRowsAsync(SqlBuilder sql, CancellationToken cancellationToken)
    {
        var rows = new List<QueryRow>();
        using var command = sql.ToCommand(connection, transaction);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new QueryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), [reader.IsDBNull(3) ? null : reader.GetString(3)]));
        }

        return rows;
    }
}
