using AngleSharp;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Greenroom.TechDocs.Rendering;

/// <summary>
/// The one sanitiser every rendered page goes through (HtmlSanitizer, an allow-list over a real HTML parser): no
/// scripts, event handlers, <c>javascript:</c> or <c>data:</c> URLs, SVG, iframes, forms or style expressions; only
/// the markup Markdown, admonitions, task lists and footnotes produce, with ids and classes for anchors and styling.
/// </summary>
public sealed class HtmlSafety
{
    // Built on first use: configuring HtmlSanitizer (and AngleSharp under it) was the costliest step of the server's
    // start-up, paid for docs that are only rendered later, in the background.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(Create);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        foreach (var tag in new[] { "form", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var tag in new[] { "details", "summary", "input" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in new[] { "id", "class", "open", "checked", "disabled", "type" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        // No inline CSS at all: the renderer aligns table columns with classes, so no style attribute (and no
        // expression() or url() in one) ever survives, and the sanitiser never has to parse CSS (half its cost).
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Task lists are the one use of <input>: a disabled checkbox; any other input is dropped.
            if (e.Node is IHtmlInputElement input)
            {
                if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    input.Remove();
                }
                else
                {
                    input.SetAttribute("disabled", string.Empty);
                }
            }
            else if (e.Node is IHtmlAnchorElement anchor && anchor.GetAttribute("target") is not null)
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }

    /// <summary>The sanitised form of an HTML fragment.</summary>
    public string Sanitize(string html) => SanitizeWithText(html).Html;

    /// <summary>The sanitised form of an HTML fragment and its visible text, from one parse.</summary>
    public (string Html, string Text) SanitizeWithText(string html)
    {
        var sanitizer = _sanitizer.Value;
        using var document = sanitizer.SanitizeDom(html);
        var body = document.Body!;
        return (body.ChildNodes.ToHtml(sanitizer.OutputFormatter), body.TextContent);
    }
}
