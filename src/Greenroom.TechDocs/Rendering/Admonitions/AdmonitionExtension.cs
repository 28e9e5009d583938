using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;

namespace Greenroom.TechDocs.Rendering.Admonitions;

/// <summary>Adds mkdocs admonitions (<see cref="AdmonitionParser"/>, <see cref="AdmonitionRenderer"/>) to a Markdig pipeline.</summary>
public sealed class AdmonitionExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<AdmonitionParser>())
        {
            // Before paragraphs, so "!!! note" opens an admonition rather than a paragraph.
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new AdmonitionParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<AdmonitionRenderer>())
        {
            html.ObjectRenderers.Add(new AdmonitionRenderer());
        }
    }
}
