using Greenroom.Catalog.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// A page in plain ref order (no order fields) of a broad filter with an equality condition: the (key, value,
/// entity_ref) index range of that condition already lists the matching refs in ref order, so the page walks it and
/// probes the other conditions per row, stopping after one page, instead of walking every final entity. Only for
/// queries without a full-text term (those take the collecting plan).
/// </summary>
internal sealed class RefOrderedPage(SqliteConnection connection, SqliteTransaction transaction, EntityQuery query, FilterCondition driving)
{
    /// <summary>The page in forward order, and whether rows exist beyond it in the direction read.</summary>
    public async Task<(List<QueryRow> Rows, bool HasMore)> ReadAsync(CancellationToken cancellationToken)
    {
        var backward = query.After?.Backward ?? false;
        var sql = new SqlBuilder()
            .Append("SELECT f.ref, f.uid, f.final_json FROM search d CROSS JOIN final_entities f WHERE d.key = ")
            .Value(driving.Key.ToLowerInvariant());
        FilterSql.AppendValues(sql, driving, "d");

        // An entity listed twice under the same key and value (rows differing only in original spelling) counts once.
        sql.Append(" AND f.ref = d.entity_ref AND NOT EXISTS (SELECT 1 FROM search x WHERE x.entity_ref = d.entity_ref " +
                   "AND x.key = d.key AND x.value = d.value AND x.seq < d.seq)");
        if (query.After is { } after)
        {
            sql.Append(backward ? " AND d.entity_ref < " : " AND d.entity_ref > ").Value(after.EntityRef);
        }

        var others = query.Filter!.AnyOf[0].AllOf.Where(c => !ReferenceEquals(c, driving)).ToList();
        if (others.Count > 0)
        {
            sql.Append(" AND ");
            FilterSql.AppendFilter(sql, new EntityFilter([new FilterAlternative(others)]), "f.ref", FilterMode.Probe);
        }

        sql.Append(backward ? " ORDER BY d.entity_ref DESC" : " ORDER BY d.entity_ref");

        // One row more than asked tells whether there are more.
        var limit = query.Limit is { } l ? (long)Math.Max(0, l) + 1 : -1;
        sql.Append(" LIMIT ").Value(limit);
        if (query.After is null && query.Offset is > 0)
        {
            sql.Append(" OFFSET ").Value(query.Offset.Value);
        }

        var rows = new List<QueryRow>();
        using (var command = sql.ToCommand(connection, transaction))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new QueryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), []));
            }
        }

        var hasMore = query.Limit is { } max && rows.Count > max;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backward)
        {
            rows.Reverse();
        }

        return (rows, hasMore);
    }
}
