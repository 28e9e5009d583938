using Greenroom.Catalog.Query;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>
/// Refs are keyed <c>kind:namespace/name</c> (lower-cased), so a filter that requires one kind confines its matches to
/// one contiguous range of refs. A walk in ref order can start and stop at that range instead of passing every entity
/// of the kinds sorted before it.
/// </summary>
internal static class KindRange
{
    /// <summary>Appends <c>AND</c> a range condition on <paramref name="refColumn"/> when the filter requires one kind.</summary>
    public static void AppendRestriction(SqlBuilder sql, EntityFilter? filter, string refColumn)
    {
        if (SingleKind(filter) is { } kind)
        {
            // ';' is the character after ':', so the range holds exactly the refs that start with "kind:".
            sql.Append($" AND {refColumn} > ").Value(kind + ":").Append($" AND {refColumn} < ").Value(kind + ";");
        }
    }

    /// <summary>The one kind (lower-cased) every match must have, or null when the filter allows several or any.</summary>
    public static string? SingleKind(EntityFilter? filter)
    {
        if (filter is not { AnyOf: [{ AllOf: var conditions }] })
        {
            return null;
        }

        foreach (var condition in conditions)
        {
            if (!condition.Negate && string.Equals(condition.Key, "kind", StringComparison.OrdinalIgnoreCase)
                && condition.Values is { } values
                && values.Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList() is [var kind])
            {
                return kind;
            }
        }

        return null;
    }
}
