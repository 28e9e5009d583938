namespace Greenroom.TechDocs.Mkdocs;

/// <summary>The parts of an <c>mkdocs.yml</c> Greenroom uses; other keys (theme, plugins, extensions) are ignored.</summary>
/// <param name="SiteName">The site's name (<c>site_name</c>, required by mkdocs).</param>
/// <param name="SiteDescription"><c>site_description</c>, when given.</param>
/// <param name="DocsDir">The folder holding the Markdown, relative to mkdocs.yml (<c>docs_dir</c>, default <c>docs</c>).</param>
/// <param name="Nav">The configured navigation, or null when absent (pages are then discovered).</param>
public sealed record MkdocsConfig(string SiteName, string? SiteDescription, string DocsDir, IReadOnlyList<NavItem>? Nav);

/// <summary>One navigation entry: a page, an external link, or a section with children.</summary>
/// <param name="Title">The shown title; null for a page listed without one (its first heading is used).</param>
/// <param name="Page">The Markdown file relative to the docs folder, for a page.</param>
/// <param name="Url">An absolute link, for an external entry.</param>
/// <param name="Children">The entries of a section (empty otherwise).</param>
/// <param name="Line">The 1-based line of the entry in mkdocs.yml (0 for discovered pages).</param>
public sealed record NavItem(string? Title, string? Page, string? Url, IReadOnlyList<NavItem> Children, int Line = 0)
{
    /// <summary>Whether this entry is a section.</summary>
    public bool IsSection => Page is null && Url is null;

    /// <summary>Every page below (and including) this entry, depth first in nav order.</summary>
    public IEnumerable<NavItem> Pages()
    {
        if (Page is not null)
        {
            yield return this;
        }

        foreach (var page in Children.SelectMany(c => c.Pages()))
        {
            yield return page;
        }
    }
}
