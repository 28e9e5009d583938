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

    /// <summary>The slug of <paramref name="text"/>, without de-duplication.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
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
