using System.Globalization;
using System.Text;

namespace Greenroom.TechDocs.Rendering;

/// <summary>
/// Heading anchors as Python-Markdown's toc extension (mkdocs' default) makes them: accents folded to ASCII, anything
/// but letters, digits, <c>_</c>, <c>-</c> and spaces dropped, lower case, runs of spaces and dashes become one
/// <c>-</c>; a repeated slug gets <c>_1</c>, <c>_2</c>... One instance per page.
/// </summary>
public sealed class HeadingSlugger
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A unique anchor for a heading with text <paramref name="text"/>.</summary>
    public string Next(string text)
    {
        var slug = Slugify(text);
        if (slug.Length == 0)
        {
            slug = "section";
        }

        var candidate = slug;
        for (var i = 1; !_used.Add(candidate); i++)
        {
            candidate = $"{slug}_{i}";
        }

        return candidate;
    }

    // Python folds accents with NFKD; the server runs with invariant globalization (no ICU normalisation), so Latin
    // letters with diacritics (U+00C0-U+017F) fold through this table instead ('!' marks letters NFKD drops, as
    // Python's ASCII encode does). Other scripts are dropped, as in Python.
    private const string LatinFold =
        "AAAAAA!CEEEEIIII" + "!NOOOOO!!UUUUY!!" + "aaaaaa!ceeeeiiii" + "!nooooo!!uuuuy!y" +
        "AaAaAaCcCcCcCcDd" + "!!EeEeEeEeEeGgGg" + "GgGgHh!!IiIiIiIi" + "I!IiJjKk!LlLlLlL" +
        "l!!NnNnNnn!!OoOo" + "Oo!!RrRrRrSsSsSs" + "SsTtTt!!UuUuUuUu" + "UuUuWwYyYZzZzZzs";

    private static char Fold(char c) => c is >= '\u00C0' and <= '\u017F' ? LatinFold[c - 0xC0] : c;

    /// <summary>The slug of <paramref name="text"/>, without de-duplication.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var original in text)
        {
            var c = Fold(original);
            if (c > 127)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '_')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c == '-' || char.IsWhiteSpace(c))
            {
                pendingDash = true;
            }
        }

        // A trailing dash ("a -") is dropped, as Python's strip() before the collapse does for spaces.
        return builder.ToString();
    }
}
