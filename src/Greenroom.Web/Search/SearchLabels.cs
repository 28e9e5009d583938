using System.Text.RegularExpressions;
using Greenroom.Search.Engine;

namespace Greenroom.Web.Search;

/// <summary>How document types and facet values read on the page.</summary>
public static partial class SearchLabels
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

    /// <summary>
    /// Where a hit leads: its location, and on a documentation page (a hit with <c>headings</c> and <c>anchors</c>)
    /// the anchor of the first heading holding a searched word, or else a text fragment of the first marked word, so
    /// the reader lands on the right section rather than the top of the page.
    /// </summary>
    public static string? HitLink(SearchHit hit, string query)
    {
        var link = LocalLink(hit.Document.GetValueOrDefault("location"));
        if (link is null || link.Contains('#', StringComparison.Ordinal)
            || !hit.Document.TryGetValue("headings", out var headings) || !hit.Document.TryGetValue("anchors", out var anchors))
        {
            return link;
        }

        var marked = MarkedWords(hit.Highlight).ToList();
        var words = Word().Matches(query).Select(m => m.Value).Where(w => w.Length >= 3).Concat(marked).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var headingList = headings.Split('\n');
        var anchorList = anchors.Split('\n');
        for (var i = 0; i < Math.Min(headingList.Length, anchorList.Length); i++)
        {
            if (Anchor().IsMatch(anchorList[i]) && words.Any(w => headingList[i].Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return $"{link}#{anchorList[i]}";
            }
        }

        return marked.Count > 0 ? $"{link}#:~:text={Uri.EscapeDataString(marked[0])}" : link;
    }

    private static IEnumerable<string> MarkedWords(SearchHighlight? highlight)
    {
        if (highlight is null || highlight.PreTag.Length == 0 || highlight.PostTag.Length == 0 || !highlight.Fields.TryGetValue("text", out var text))
        {
            yield break;
        }

        var start = text.IndexOf(highlight.PreTag, StringComparison.Ordinal);
        while (start >= 0)
        {
            var from = start + highlight.PreTag.Length;
            var end = text.IndexOf(highlight.PostTag, from, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return text[from..end];
            start = text.IndexOf(highlight.PreTag, end + highlight.PostTag.Length, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex Anchor();
}
