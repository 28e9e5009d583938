using System.Text.Json;
using Greenroom.Catalog.Query;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Facet counts as Backstage computes them: search rows of the facet keys grouped by their original (case-kept)
/// value, so <c>Production</c> and <c>production</c> are separate entries. Each entity counts once per value: rows
/// are counted directly because the writer stores an entity's identical rows only once. The original value is stored
/// only where it differs from the lower-cased one (migration 0003), hence the COALESCE.
/// </summary>
internal static class FacetSql
{
    public static SqlBuilder Build(IReadOnlyList<string> facets, EntityFilter? filter)
    {
        var keys = facets.Select(f => f.ToLowerInvariant()).Distinct(StringComparer.Ordinal);
        var sql = new SqlBuilder()
            .Append("SELECT s.key, COALESCE(s.original_value, s.value) AS written, COUNT(*) FROM search s ")
            .Append("WHERE s.key IN (SELECT value FROM json_each(").Value(JsonSerializer.Serialize(keys)).Append("))")
            .Append(" AND s.value IS NOT NULL");
        if (filter is not null)
        {
            sql.Append(" AND ");
            FilterSql.AppendFilter(sql, filter, "s.entity_ref");
        }

        return sql.Append(" GROUP BY s.key, written");
    }
}
