using Greenroom.TechDocs.Sites;

namespace Greenroom.Web.Docs;

/// <summary>Docs reader URLs: <c>/docs/{namespace}/{kind}/{name}/{path}</c>, pages in mkdocs' directory style.</summary>
public static class DocsLinks
{
    /// <summary>The reader URL of a page (<paramref name="pagePath"/> as stored: empty or ending with <c>/</c>).</summary>
    public static string Page(string entityRef, string pagePath = "") =>
        DocsEntity.ParseRef(entityRef) is var (ns, kind, name)
            ? $"/docs/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(name)}/"
              + string.Join('/', pagePath.Split('/').Select(Uri.EscapeDataString))
            : "/docs";

    /// <summary>The site's pages in nav order, for previous/next links.</summary>
    public static IReadOnlyList<SiteNavItem> PagesInOrder(IEnumerable<SiteNavItem> nav) =>
        nav.SelectMany(item => item.Path is not null ? [item] : PagesInOrder(item.Children)).ToList();
}
