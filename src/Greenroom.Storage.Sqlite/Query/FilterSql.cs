using System.Text.Json;
using Greenroom.Catalog.Query;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>How a filter condition is evaluated.</summary>
internal enum FilterMode
{
    /// <summary>
    /// <c>ref IN (matching refs)</c>: the set is read once from the (key, value, entity_ref) index. Best when few
    /// entities match, since the query then only touches those.
    /// </summary>
    Set,

    /// <summary>
    /// <c>EXISTS (row of this entity)</c>: one (entity_ref, key, value) index probe per candidate row. Best when many
    /// entities match and rows are read in index order under a LIMIT, since the scan stops after one page.
    /// </summary>
    Probe,
}

/// <summary>
/// Translates <see cref="EntityFilter"/> and <see cref="FullTextFilter"/> into boolean SQL over the search table.
/// </summary>
internal static class FilterSql
{
    // Longer value lists travel as one JSON parameter rather than one variable each.
    private const int InlineValueLimit = 16;

    /// <summary>Appends a condition true when the entity whose ref is <paramref name="refColumn"/> matches.</summary>
    public static void AppendFilter(SqlBuilder sql, EntityFilter filter, string refColumn, FilterMode mode = FilterMode.Set)
    {
        // No alternative can match: an empty "any of" matches nothing.
        if (filter.AnyOf.Count == 0)
        {
            sql.Append("0");
            return;
        }

        sql.Append("(");
        for (var i = 0; i < filter.AnyOf.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(" OR ");
            }

            var conditions = filter.AnyOf[i].AllOf;
            if (conditions.Count == 0)
            {
                sql.Append("1");
                continue;
            }

            sql.Append("(");
            for (var j = 0; j < conditions.Count; j++)
            {
                if (j > 0)
                {
                    sql.Append(" AND ");
                }

                AppendCondition(sql, conditions[j], refColumn, mode);
            }

            sql.Append(")");
        }

        sql.Append(")");
    }

    private static void AppendCondition(SqlBuilder sql, FilterCondition condition, string refColumn, FilterMode mode)
    {
        var s = sql.NewAlias("c");
        if (mode == FilterMode.Set)
        {
            sql.Append(refColumn).Append(condition.Negate ? " NOT IN (" : " IN (")
                .Append($"SELECT {s}.entity_ref FROM search {s} WHERE {s}.key = ").Value(condition.Key.ToLowerInvariant());
        }
        else
        {
            sql.Append(condition.Negate ? "NOT EXISTS (" : "EXISTS (")
                .Append($"SELECT 1 FROM search {s} WHERE {s}.entity_ref = {refColumn} AND {s}.key = ").Value(condition.Key.ToLowerInvariant());
        }

        AppendValues(sql, condition, s);
        sql.Append(")");
    }

    /// <summary>Restricts the rows of alias <paramref name="s"/> to the condition's values, if it has any.</summary>
    public static void AppendValues(SqlBuilder sql, FilterCondition condition, string s)
    {
        if (condition.Values is { } values)
        {
            var lowered = values.Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (lowered.Count == 0)
            {
                sql.Append(" AND 0");
            }
            else if (lowered.Count == 1)
            {
                sql.Append($" AND {s}.value = ").Value(lowered[0]);
            }
            else if (lowered.Count <= InlineValueLimit)
            {
                sql.Append($" AND {s}.value IN (");
                for (var i = 0; i < lowered.Count; i++)
                {
                    sql.Append(i > 0 ? ", " : "").Value(lowered[i]);
                }

                sql.Append(")");
            }
            else
            {
                sql.Append($" AND {s}.value IN (SELECT value FROM json_each(").Value(JsonSerializer.Serialize(lowered)).Append("))");
            }
        }
    }

    /// <summary>
    /// Appends a condition true when any of the full-text fields of the entity contains the term (case-insensitively;
    /// search values are stored lower-cased). Returns false when the term is blank and nothing was appended.
    /// </summary>
    public static bool AppendFullText(SqlBuilder sql, FullTextFilter fullText, string refColumn, FilterMode mode = FilterMode.Set)
    {
        var term = fullText.Term.Trim().ToLowerInvariant();
        if (term.Length == 0)
        {
            return false;
        }

        var s = sql.NewAlias("t");
        var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        if (mode == FilterMode.Set)
        {
            sql.Append(refColumn).Append($" IN (SELECT {s}.entity_ref FROM search {s} WHERE 1");
        }
        else
        {
            sql.Append($"EXISTS (SELECT 1 FROM search {s} WHERE {s}.entity_ref = {refColumn}");
        }

        if (fullText.Fields.Count > 0)
        {
            sql.Append($" AND {s}.key IN (SELECT value FROM json_each(")
                .Value(JsonSerializer.Serialize(fullText.Fields.Select(f => f.ToLowerInvariant()).Distinct(StringComparer.Ordinal)))
                .Append("))");
        }

        sql.Append($" AND {s}.value LIKE ").Value(pattern).Append(" ESCAPE '\\')");
        return true;
    }
}
