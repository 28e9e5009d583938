using System.Text;
using Greenroom.TechDocs.Rendering.Admonitions;
using Greenroom.TechDocs.Sites;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Greenroom.TechDocs.Rendering;

/// <summary>
/// Renders one Markdown page as mkdocs would (CommonMark, GFM tables, task lists, footnotes, admonitions, heading
/// anchors, fenced code with <c>language-x</c> classes, mermaid kept as code) and sanitises the result. Relative
/// links and images are rewritten to the site's URLs; broken ones are reported with their line. Thread-safe.
/// </summary>
public sealed class MarkdownPageRenderer
{
    // Built on first use, like the sanitiser: not on the server's start-up path.
    private readonly Lazy<MarkdownPipeline> _pipeline = new(() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Use<AdmonitionExtension>()
        .Build());

    private readonly HtmlSafety _safety;

    /// <summary>Creates a renderer that sanitises with <paramref name="safety"/>.</summary>
    public MarkdownPageRenderer(HtmlSafety safety) => _safety = safety;

    /// <summary>Renders <paramref name="markdown"/>, the page <paramref name="context"/> describes.</summary>
    public RenderedPage Render(string markdown, PageRenderContext context)
    {
        var document = Markdown.Parse(markdown, _pipeline.Value);
        var problems = new List<DocsProblem>();
        var toc = new List<TocEntry>();
        var slugger = new HeadingSlugger();
        string? firstHeading = null;

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    var headingText = InlineText(heading.Inline);
                    var id = slugger.Next(headingText);
                    heading.GetAttributes().Id = id;
                    toc.Add(new TocEntry(heading.Level, headingText, id));
                    if (heading.Level == 1)
                    {
                        firstHeading ??= headingText;
                    }

                    break;
                case Table table:
                    AlignWithClasses(table);
                    break;
                case FencedCodeBlock { Info: { } info } code when info.Equals("mermaid", StringComparison.OrdinalIgnoreCase):
                    // Kept as code: a client-side mermaid script can pick up <pre class="mermaid"> if the portal loads one.
                    code.GetAttributes().AddClass("mermaid");
                    break;
                case LinkInline link when link.Url is { } url:
                    if (LinkRewriter.Rewrite(url, link.IsImage, link.Line + 1, context, problems) is { } rewritten)
                    {
                        link.Url = rewritten;
                    }

                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Value.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        var (html, text) = _safety.SanitizeWithText(writer.ToString());
        return new RenderedPage(html, firstHeading, toc, CollapseWhitespace(text), problems);
    }

    /// <summary>Text with every run of whitespace made one space, trimmed.</summary>
    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Moves column alignment from the inline <c>style</c> Markdig would write to <c>align-left|center|right</c>
    /// classes, so the sanitiser can refuse every style attribute.
    /// </summary>
    private static void AlignWithClasses(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (row[i] is TableCell cell && (cell.ColumnIndex >= 0 ? cell.ColumnIndex : i) is var column
                    && column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                {
                    cell.GetAttributes().AddClass(alignment switch
                    {
                        TableColumnAlign.Center => "align-center",
                        TableColumnAlign.Right => "align-right",
                        _ => "align-left",
                    });
                }
            }
        }

        foreach (var definition in table.ColumnDefinitions)
        {
            definition.Alignment = null;
        }
    }

    /// <summary>The text of a heading's inlines (emphasis, code and links flattened).</summary>
    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}
