using Greenroom.Catalog.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// A page in plain ref order found by walking a bounded stretch of final entities from the position onwards and
/// probing each, for dense matches (a common full-text term) where collecting every match first would test every
/// name and title. If the stretch holds a full page, that page is exact (the stretch is a prefix of the ordered
/// entities); if it does not, the caller falls back to collecting, so clustered matches never cost more than the walk.
/// </summary>
internal sealed class WalkedPage(SqliteConnection connection, SqliteTransaction transaction, EntityQuery query, int budget)
{
    /// <summary>The page in forward order and whether more rows exist, or null when the stretch held no full page.</summary>
    public async Task<(List<QueryRow> Rows, bool HasMore)?> TryReadAsync(CancellationToken cancellationToken)
    {
        if (query.Limit is not { } limit || query.Order.Count != 0)
        {
            return null;
        }

        var backward = query.After?.Backward ?? false;
        var want = (long)Math.Max(0, limit) + 1;
        var offset = query.After is null ? Math.Max(0, query.Offset ?? 0) : 0;
        var sql = new SqlBuilder().Append("SELECT f.ref, f.uid, f.final_json FROM (SELECT w.ref FROM final_entities w");
        if (query.After is { } after)
        {
            sql.Append(backward ? " WHERE w.ref < " : " WHERE w.ref > ").Value(after.EntityRef);
        }

        sql.Append(backward ? " ORDER BY w.ref DESC" : " ORDER BY w.ref").Append(" LIMIT ").Value(budget)
            .Append(") AS p CROSS JOIN final_entities f WHERE f.ref = p.ref AND ");
        EntityQuerySql.AppendWhere(sql, query, FilterMode.Probe);
        sql.Append(backward ? " ORDER BY p.ref DESC" : " ORDER BY p.ref").Append(" LIMIT ").Value(want).Append(" OFFSET ").Value(offset);

        var rows = new List<QueryRow>();
        using (var command = sql.ToCommand(connection, transaction))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new QueryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), []));
            }
        }

        if (rows.Count < want)
        {
            return null;
        }

        rows.RemoveAt(rows.Count - 1);
        if (backward)
        {
            rows.Reverse();
        }

        return (rows, true);
    }
}
