using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Greenroom.TechDocs.Rendering.Admonitions;

/// <summary>
/// Parses <c>!!! type "Title"</c> / <c>??? type</c> / <c>???+ type</c> followed by content indented four spaces,
/// as Python-Markdown's admonition and pymdownx.details extensions do.
/// </summary>
public sealed partial class AdmonitionParser : BlockParser
{
    private const int ContentIndent = 4;

    /// <summary>Creates the parser, triggered by <c>!</c> and <c>?</c>.</summary>
    public AdmonitionParser() => OpeningCharacters = ['!', '?'];

    [GeneratedRegex("""^(?<marker>!!!|\?\?\?\+?)[ \t]+(?<classes>[\w-]+(?:[ \t]+[\w-]+)*)(?:[ \t]+"(?<title>[^"]*)")?[ \t]*$""")]
    private static partial Regex Opening();

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var match = Opening().Match(processor.Line.ToString());
        if (!match.Success)
        {
            return BlockState.None;
        }

        var marker = match.Groups["marker"].Value;
        var block = new AdmonitionBlock(this)
        {
            Classes = match.Groups["classes"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).ToList(),
            Title = match.Groups["title"].Success ? match.Groups["title"].Value : null,
            Collapsible = marker.StartsWith('?'),
            Open = marker == "???+",
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    /// <inheritdoc />
    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.IsBlankLine)
        {
            return BlockState.Continue;
        }

        if (processor.Indent < ContentIndent)
        {
            return BlockState.Break;
        }

        // Consume the admonition's indentation so its content parses as a document of its own.
        processor.GoToColumn(processor.ColumnBeforeIndent + ContentIndent);
        block.UpdateSpanEnd(processor.Line.End);
        return BlockState.Continue;
    }
}
