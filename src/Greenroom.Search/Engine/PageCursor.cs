using System.Globalization;
using System.Text;

namespace Greenroom.Search.Engine;

/// <summary>
/// Page cursors as Backstage's embedded engine writes them (the page number in base64), so clients that pass back
/// what they got keep working; anything else is rejected with a clear message.
/// </summary>
public static class PageCursor
{
    /// <summary>The cursor of page <paramref name="page"/> (0-based).</summary>
    public static string Encode(int page) => Convert.ToBase64String(Encoding.UTF8.GetBytes(page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The page a cursor names; 0 for none.</summary>
    public static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                return page;
            }
        }
        catch (FormatException)
        {
            // Reported below with the same message as a well-formed cursor that names no page.
        }

        throw new SearchQueryException($"pageCursor '{Truncate(cursor)}' is not a cursor this server returned");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
