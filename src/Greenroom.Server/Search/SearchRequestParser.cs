using System.Globalization;
using System.Text.RegularExpressions;
using Greenroom.Search;
using Greenroom.Search.Engine;

namespace Greenroom.Server.Search;

/// <summary>
/// Reads Backstage's search query string (<c>term</c>, <c>types[0]=...</c>, <c>filters[kind]=...</c> or
/// <c>filters[kind][0]=...</c>, <c>pageCursor</c>, <c>pageLimit</c>), bounding every part; a bad part is a
/// <see cref="SearchQueryException"/> naming the parameter.
/// </summary>
internal static partial class SearchRequestParser
{
    private const int MaxTypes = 20;
    private const int MaxFilterFields = 20;
    private const int MaxFilterValues = 50;
    private const int MaxValueLength = 256;

    public static SearchQuery Parse(IQueryCollection query, SearchOptions options)
    {
        var term = Term(query, options);
        var types = Types(query);
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (FilterKey().Match(key) is not { Success: true } match)
            {
                continue;
            }

            var field = match.Groups[1].Value;
            var accepted = filters.TryGetValue(field, out var existing) ? [.. existing] : new List<string>();
            accepted.AddRange(values.OfType<string>().Where(v => v.Length > 0));
            filters[field] = Bounded(accepted, $"filters[{field}]", MaxFilterValues);
        }

        if (filters.Count > MaxFilterFields)
        {
            throw new SearchQueryException($"At most {MaxFilterFields} filter fields are accepted, got {filters.Count}");
        }

        var limit = Integer(query["pageLimit"], "pageLimit") ?? options.DefaultPageLimit;
        if (limit < 1 || limit > options.MaxPageLimit)
        {
            throw new SearchQueryException($"pageLimit must be between 1 and {options.MaxPageLimit}, got {limit}");
        }

        var cursor = query["pageCursor"].ToString();
        return new SearchQuery(term, types, filters, cursor.Length == 0 ? null : cursor, limit);
    }

    /// <summary>The <c>term</c> parameter, at most <see cref="SearchOptions.MaxTermLength"/> characters.</summary>
    public static string Term(IQueryCollection query, SearchOptions options)
    {
        var term = query["term"].ToString();
        if (term.Length > options.MaxTermLength)
        {
            throw new SearchQueryException($"The term is {term.Length} characters long; at most {options.MaxTermLength} are accepted");
        }

        return term;
    }

    /// <summary>The document types, from <c>types[0]=a&amp;types[1]=b</c> or <c>types=a&amp;types=b</c>.</summary>
    public static IReadOnlyList<string> Types(IQueryCollection query)
    {
        var types = query
            .Where(p => p.Key == "types" || TypesKey().IsMatch(p.Key))
            .SelectMany(p => p.Value.OfType<string>())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Bounded(types, "types", MaxTypes);
    }

    public static int? Integer(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SearchQueryException($"{name} must be an integer, got '{(text.Length > 40 ? text[..40] + "…" : text)}'");
    }

    private static List<string> Bounded(List<string> values, string name, int max)
    {
        if (values.Count > max)
        {
            throw new SearchQueryException($"At most {max} values of {name} are accepted, got {values.Count}");
        }

        if (values.FirstOrDefault(v => v.Length > MaxValueLength) is { } tooLong)
        {
            throw new SearchQueryException($"A value of {name} is {tooLong.Length} characters long; at most {MaxValueLength} are accepted");
        }

        return values;
    }

    [GeneratedRegex(@"^types\[\d*\]$", RegexOptions.CultureInvariant)]
    private static partial Regex TypesKey();

    [GeneratedRegex(@"^filters\[([^\[\]]+)\](\[\d*\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex FilterKey();
}
