using Markdig.Parsers;
using Markdig.Syntax;

namespace Greenroom.TechDocs.Rendering.Admonitions;

/// <summary>An mkdocs admonition: <c>!!! note "Title"</c> (a box) or <c>??? note</c> (collapsible, <c>???+</c> open).</summary>
public sealed class AdmonitionBlock(BlockParser parser) : ContainerBlock(parser)
{
    /// <summary>The type (<c>note</c>, <c>warning</c>, ...) and any extra classes, lower case.</summary>
    public IReadOnlyList<string> Classes { get; set; } = [];

    /// <summary>The title; null for the default (the type, capitalised), empty for none.</summary>
    public string? Title { get; set; }

    /// <summary>Whether it is collapsible (<c>???</c>).</summary>
    public bool Collapsible { get; set; }

    /// <summary>Whether a collapsible admonition starts open (<c>???+</c>).</summary>
    public bool Open { get; set; }
}
