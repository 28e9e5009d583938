namespace Greenroom.Catalog.Query;

/// <summary>
/// Parses sort parameters: <c>order=asc:metadata.name</c> (<c>GET /entities</c>) and
/// <c>orderField=metadata.name,desc</c> (<c>GET /entities/by-query</c>). Fields are lower-cased search keys.
/// </summary>
public static class EntityOrderParser
{
    /// <summary>Parses <c>order</c> parameters of the form <c>asc:field</c> or <c>desc:field</c>.</summary>
    /// <exception cref="CatalogInputException">A parameter is not of that form.</exception>
    public static IReadOnlyList<EntityOrder> ParseOrder(IEnumerable<string?> orderParameters)
    {
        var result = new List<EntityOrder>();
        foreach (var item in Split(orderParameters))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var direction = colon < 0 ? string.Empty : item[..colon].Trim().ToLowerInvariant();
            var field = colon < 0 ? string.Empty : item[(colon + 1)..].Trim();
            if (direction is not ("asc" or "desc") || field.Length == 0)
            {
                throw new CatalogInputException($"Invalid order parameter \"{item}\", expected \"<asc or desc>:<field name>\"");
            }

            result.Add(new EntityOrder(field.ToLowerInvariant(), direction == "desc"));
        }

        return result;
    }

    /// <summary>Parses <c>orderField</c> parameters of the form <c>field</c> or <c>field,asc|desc</c> (one per parameter).</summary>
    /// <exception cref="CatalogInputException">The field is empty or the direction is neither asc nor desc.</exception>
    public static IReadOnlyList<EntityOrder> ParseOrderFields(IEnumerable<string?> orderFieldParameters)
    {
        var result = new List<EntityOrder>();
        foreach (var parameter in orderFieldParameters)
        {
            if (string.IsNullOrWhiteSpace(parameter))
            {
                continue;
            }

            var parts = parameter.Split(',');
            var field = parts[0].Trim();
            var direction = parts.Length > 1 ? parts[1].Trim().ToLowerInvariant() : "asc";
            if (field.Length == 0 || parts.Length > 2 || direction is not ("asc" or "desc"))
            {
                throw new CatalogInputException(
                    $"Invalid orderField parameter \"{parameter}\", expected \"<field name>\" or \"<field name>,<asc or desc>\"");
            }

            result.Add(new EntityOrder(field.ToLowerInvariant(), direction == "desc"));
        }

        return result;
    }

    private static IEnumerable<string> Split(IEnumerable<string?> parameters) =>
        parameters.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim());
}
