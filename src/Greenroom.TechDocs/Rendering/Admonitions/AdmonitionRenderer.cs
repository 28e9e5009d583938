using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Greenroom.TechDocs.Rendering.Admonitions;

/// <summary>
/// Writes mkdocs' markup: <c>&lt;div class="admonition note"&gt;&lt;p class="admonition-title"&gt;</c> for a box,
/// <c>&lt;details class="note"&gt;&lt;summary&gt;</c> for a collapsible one, so mkdocs themes style them unchanged.
/// </summary>
public sealed class AdmonitionRenderer : HtmlObjectRenderer<AdmonitionBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, AdmonitionBlock block)
    {
        var classes = string.Join(' ', block.Classes);
        var title = block.Title ?? (block.Classes.Count > 0 ? Capitalise(block.Classes[0]) : string.Empty);
        renderer.EnsureLine();
        if (block.Collapsible)
        {
            renderer.Write("<details class=\"").WriteEscape(classes).Write(block.Open ? "\" open>" : "\">");
            renderer.Write("<summary>").WriteEscape(title).WriteLine("</summary>");
            renderer.WriteChildren(block);
            renderer.EnsureLine();
            renderer.WriteLine("</details>");
            return;
        }

        renderer.Write("<div class=\"admonition ").WriteEscape(classes).WriteLine("\">");
        if (title.Length > 0)
        {
            renderer.Write("<p class=\"admonition-title\">").WriteEscape(title).WriteLine("</p>");
        }

        renderer.WriteChildren(block);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }

    private static string Capitalise(string type) => type.Length == 0 ? type : char.ToUpperInvariant(type[0]) + type[1..];
}
