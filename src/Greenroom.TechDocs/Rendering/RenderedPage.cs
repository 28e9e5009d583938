using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Rendering;

/// <summary>One heading in a page's table of contents.</summary>
/// <param name="Level">1 to 6.</param>
/// <param name="Text">The heading's text.</param>
/// <param name="Id">Its anchor (<c>#id</c>).</param>
public sealed record TocEntry(int Level, string Text, string Id);

/// <summary>A Markdown page rendered to sanitised HTML.</summary>
/// <param name="Html">The sanitised body HTML.</param>
/// <param name="FirstHeading">The text of the first level-1 heading, the page's title unless the nav names one.</param>
/// <param name="Toc">Every heading in order.</param>
/// <param name="Text">The page as plain text, for search.</param>
/// <param name="Problems">Broken links and other warnings, with their lines.</param>
public sealed record RenderedPage(string Html, string? FirstHeading, IReadOnlyList<TocEntry> Toc, string Text, IReadOnlyList<DocsProblem> Problems);

/// <summary>What the renderer needs to know about the page's place in its site, to rewrite links.</summary>
/// <param name="MarkdownFile">The page, relative to the docs folder (<c>guide/setup.md</c>).</param>
/// <param name="ProblemFile">The page as problems name it, relative to the source (<c>docs/guide/setup.md</c>).</param>
/// <param name="PageBaseUrl">Where the site's pages are served, ending with <c>/</c> (<c>/docs/default/component/x/</c>).</param>
/// <param name="AssetBaseUrl">Where the site's other files are served, ending with <c>/</c>.</param>
/// <param name="PageExists">Whether a Markdown file (relative to the docs folder) is part of the site.</param>
/// <param name="AssetExists">Whether another file (relative to the docs folder) exists; null when that cannot be known.</param>
public sealed record PageRenderContext(
    string MarkdownFile,
    string ProblemFile,
    string PageBaseUrl,
    string AssetBaseUrl,
    Func<string, bool> PageExists,
    Func<string, bool>? AssetExists);
