using System.Globalization;

namespace Greenroom.Catalog.Query;

/// <summary>Parses the non-negative integer query parameters (<c>limit</c>, <c>offset</c>) as Backstage does.</summary>
public static class IntegerParameter
{
    /// <summary>The value, or null when absent; throws <see cref="CatalogInputException"/> when not a non-negative integer.</summary>
    public static int? Parse(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new CatalogInputException($"Invalid {name}, not an integer on the form \"123\"");
        }

        return value;
    }
}
