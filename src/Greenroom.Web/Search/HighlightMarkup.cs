using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Greenroom.Web.Search;

/// <summary>
/// Turns a highlighted field from the search engine into safe HTML: the text is HTML-encoded piece by piece and only
/// the answer's own tags become <c>&lt;mark&gt;</c>, so nothing in indexed text can reach the page as markup.
/// </summary>
public static class HighlightMarkup
{
    /// <summary>Encoded <paramref name="text"/> with its tagged words in <c>mark</c> elements (always balanced).</summary>
    public static MarkupString Render(string text, string preTag, string postTag)
    {
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        var position = 0;
        while (position < text.Length)
        {
            var next = open ? text.IndexOf(postTag, position, StringComparison.Ordinal) : text.IndexOf(preTag, position, StringComparison.Ordinal);
            if (next < 0 || preTag.Length == 0 || postTag.Length == 0)
            {
                html.Append(HtmlEncoder.Default.Encode(text[position..]));
                break;
            }

            html.Append(HtmlEncoder.Default.Encode(text[position..next]));
            html.Append(open ? "</mark>" : "<mark>");
            position = next + (open ? postTag.Length : preTag.Length);
            open = !open;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return new MarkupString(html.ToString());
    }

    /// <summary>Text without highlights, encoded.</summary>
    public static MarkupString Plain(string text) => new(HtmlEncoder.Default.Encode(text));

    /// <summary>Plain text shortened to about <paramref name="length"/> characters at a word boundary.</summary>
    public static string Excerpt(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)] + " …";
    }
}
