using Greenroom.TechDocs.Rendering;

namespace Greenroom.TechDocs.Tests.Support;

/// <summary>Renders single pages the way a site build does, for tests.</summary>
internal static class Pages
{
    public static readonly MarkdownPageRenderer Renderer = new(new HtmlSafety());

    public static RenderedPage Render(string markdown, string file = "guide/setup.md", params string[] otherPages)
    {
        var pages = new HashSet<string>(otherPages.Append(file), StringComparer.Ordinal);
        return Renderer.Render(markdown, new PageRenderContext(
            file,
            "docs/" + file,
            "/docs/default/component/petstore/",
            "/api/techdocs/static/docs/default/component/petstore/",
            pages.Contains,
            path => path == "img/logo.png"));
    }
}
