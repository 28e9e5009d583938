namespace Greenroom.Web.Search;

/// <summary>How document types and facet values read on the page.</summary>
public static class SearchLabels
{
    /// <summary>A document type for people: <c>techdocs</c> reads "Documentation".</summary>
    public static string DocumentType(string type) => type switch
    {
        "software-catalog" => "Software catalog",
        "techdocs" => "Documentation",
        "software-templates" => "Templates",
        _ => type,
    };

    /// <summary>A result's link when it is a path inside the portal; null otherwise (shown as text, not followed).</summary>
    public static string? LocalLink(string? location) =>
        location is { Length: > 0 } && location[0] == '/' && !location.StartsWith("//", StringComparison.Ordinal) && !location.Contains('\\', StringComparison.Ordinal)
            ? location
            : null;
}
