namespace Greenroom.Catalog.Query;

/// <summary>
/// Parses Backstage's <c>filter</c> query parameters: each parameter is one alternative (alternatives are OR-ed),
/// its comma-separated <c>key=value</c> statements are AND-ed, a key given twice within one parameter matches any of
/// its values, and a bare <c>key</c> means "the key exists". Keys and values are lower-cased, as matching is
/// case-insensitive.
/// </summary>
public static class EntityFilterParser
{
    /// <summary>The filter described by <paramref name="filterParameters"/>, or null when there is none.</summary>
    /// <exception cref="CatalogInputException">A statement has no key (for example <c>=value</c>).</exception>
    public static EntityFilter? Parse(IEnumerable<string?> filterParameters)
    {
        var alternatives = new List<FilterAlternative>();
        foreach (var parameter in filterParameters)
        {
            if (string.IsNullOrWhiteSpace(parameter))
            {
                continue;
            }

            var alternative = ParseAlternative(parameter);
            if (alternative.AllOf.Count > 0)
            {
                alternatives.Add(alternative);
            }
        }

        return alternatives.Count == 0 ? null : new EntityFilter(alternatives);
    }

    private static FilterAlternative ParseAlternative(string parameter)
    {
        // Insertion order is kept so the conditions read back in the order they were written.
        var keys = new List<string>();
        var valuesByKey = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        foreach (var rawStatement in parameter.Split(','))
        {
            var statement = rawStatement.Trim();
            if (statement.Length == 0)
            {
                // A trailing comma is harmless; Backstage ignores it too.
                continue;
            }

            var equals = statement.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? statement : statement[..equals]).Trim().ToLowerInvariant();
            if (key.Length == 0)
            {
                throw new CatalogInputException(
                    $"Invalid filter, '{statement}' is not a valid statement (expected a string on the form a=b or a= or a)");
            }

            if (!valuesByKey.TryGetValue(key, out var values))
            {
                keys.Add(key);
                values = [];
                valuesByKey[key] = values;
            }

            if (equals < 0)
            {
                // "exists" is weaker than any value condition on the same key, so it wins.
                valuesByKey[key] = null;
            }
            else
            {
                values?.Add(statement[(equals + 1)..].Trim().ToLowerInvariant());
            }
        }

        return new FilterAlternative(keys.Select(k => new FilterCondition(k, valuesByKey[k]?.Distinct().ToList())).ToList());
    }
}
