using Greenroom.Catalog.Query;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Builds the page and count statements of an <see cref="EntityQuery"/>. Each order field becomes a column
/// <c>o{i}</c>: the smallest search value of that key (so an entity with several values sorts stably), null when the
/// entity lacks it. Rows sort by <c>(o{i} IS NULL), o{i}</c> per field (absent values last in either direction), then
/// by ref ascending; keyset positions compare against that same tuple.
/// </summary>
internal static class EntityQuerySql
{
    public static SqlBuilder Page(EntityQuery query, FilterMode mode)
    {
        var sql = new SqlBuilder().Append("SELECT m.ref, m.uid, m.final_json");
        for (var i = 0; i < query.Order.Count; i++)
        {
            sql.Append($", m.o{i}");
        }

        sql.Append(" FROM (SELECT f.ref, f.uid, f.final_json");
        for (var i = 0; i < query.Order.Count; i++)
        {
            sql.Append(", ");
            AppendSortValue(sql, "f.ref", query.Order[i].Field);
            sql.Append($" AS o{i}");
        }

        sql.Append(" FROM final_entities f WHERE ");
        AppendWhere(sql, query, mode);
        sql.Append(") AS m");

        var backward = query.After?.Backward ?? false;
        if (query.After is { } after)
        {
            sql.Append(" WHERE ");
            AppendKeyset(sql, query.Order, after, 0);
        }

        sql.Append(" ORDER BY ");
        for (var i = 0; i < query.Order.Count; i++)
        {
            // Reading backward walks the same order in reverse, then the page is flipped back.
            var descending = query.Order[i].Descending != backward;
            sql.Append($"(m.o{i} IS NULL){(backward ? " DESC" : "")}, m.o{i}{(descending ? " DESC" : "")}, ");
        }

        sql.Append(backward ? "m.ref DESC" : "m.ref");

        // One row more than asked tells whether there are more.
        var limit = query.Limit is { } l ? (long)Math.Max(0, l) + 1 : -1;
        sql.Append(" LIMIT ").Value(limit);
        if (query.After is null && query.Offset is > 0)
        {
            sql.Append(" OFFSET ").Value(query.Offset.Value);
        }

        return sql;
    }

    /// <summary>
    /// The entity's smallest value of <paramref name="field"/>, read from its own rows by primary key
    /// (entity_ref, key). The unary plus matters: on a bare <c>MIN(s.value)</c> SQLite's min/max optimisation prefers
    /// the (key, value, entity_ref) index, whose key range it walks from the smallest value until it meets this
    /// entity's row, which is every row of the key per matching entity (seconds for a thousand matches at 10k).
    /// </summary>
    private static void AppendSortValue(SqlBuilder sql, string refColumn, string field) =>
        sql.Append($"(SELECT MIN(+s.value) FROM search s WHERE s.entity_ref = {refColumn} AND s.key = ")
            .Value(field.ToLowerInvariant()).Append(")");

    public static SqlBuilder Count(EntityQuery query)
    {
        var noText = query.FullText is null || string.IsNullOrWhiteSpace(query.FullText.Term);
        if (noText && query.Filter is { AnyOf: [{ AllOf: var conditions }] } && conditions.FirstOrDefault(c => !c.Negate) is { } first)
        {
            // One alternative with a positive condition (the common "kind=component"): count that condition's index
            // range, probing the other conditions, without visiting the entities. Search rows exist only for final
            // entities, and DISTINCT counts an entity matching several values once.
            var driven = new SqlBuilder().Append("SELECT COUNT(DISTINCT d.entity_ref) FROM search d WHERE d.key = ")
                .Value(first.Key.ToLowerInvariant());
            FilterSql.AppendValues(driven, first, "d");
            var others = conditions.Where(c => !ReferenceEquals(c, first)).ToList();
            if (others.Count > 0)
            {
                driven.Append(" AND ");
                FilterSql.AppendFilter(driven, new EntityFilter([new FilterAlternative(others)]), "d.entity_ref", FilterMode.Probe);
            }

            return driven;
        }

        var sql = new SqlBuilder().Append("SELECT COUNT(*) FROM final_entities f WHERE ");
        AppendWhere(sql, query, FilterMode.Set);
        return sql;
    }

    /// <summary>Appends the filter and full-text conditions on <c>f.ref</c> (always at least <c>1</c>).</summary>
    public static void AppendWhere(SqlBuilder sql, EntityQuery query, FilterMode mode)
    {
        sql.Append("1");
        if (query.Filter is { } filter)
        {
            sql.Append(" AND ");
            FilterSql.AppendFilter(sql, filter, "f.ref", mode);
        }

        if (query.FullText is { } fullText)
        {
            sql.Append(" AND ");
            if (!FilterSql.AppendFullText(sql, fullText, "f.ref", mode))
            {
                sql.Append("1");
            }
        }
    }

    /// <summary>
    /// "Strictly after (or before) the position" in the sort tuple, field by field:
    /// <c>beyond(field i) OR (equal(field i) AND next)</c>, ending with the ref comparison.
    /// </summary>
    private static void AppendKeyset(SqlBuilder sql, IReadOnlyList<EntityOrder> order, KeysetPosition position, int index)
    {
        if (index == order.Count)
        {
            sql.Append(position.Backward ? "m.ref < " : "m.ref > ").Value(position.EntityRef);
            return;
        }

        var column = $"m.o{index}";
        var value = position.SortValues[index];
        sql.Append("(");
        if (value is null)
        {
            // Absent values sort last: nothing lies beyond them going forward; every present value lies before them.
            sql.Append(position.Backward ? $"{column} IS NOT NULL OR " : "").Append($"({column} IS NULL AND ");
        }
        else
        {
            var towardsGreater = order[index].Descending == position.Backward;
            if (!position.Backward)
            {
                sql.Append($"{column} IS NULL OR ");
            }

            sql.Append($"{column} {(towardsGreater ? ">" : "<")} ").Value(value).Append($" OR ({column} = ").Value(value).Append(" AND ");
        }

        AppendKeyset(sql, order, position, index + 1);
        sql.Append("))");
    }
}
