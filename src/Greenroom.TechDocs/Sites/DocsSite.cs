using Greenroom.TechDocs.Rendering;

namespace Greenroom.TechDocs.Sites;

/// <summary>A built docs site: what the store keeps and the portal serves.</summary>
/// <param name="EntityRef">The documented entity (lower-cased ref key).</param>
/// <param name="SiteName">mkdocs' <c>site_name</c>.</param>
/// <param name="SiteDescription">mkdocs' <c>site_description</c>, when given.</param>
/// <param name="Nav">The sidebar navigation, titles resolved.</param>
/// <param name="Pages">Every rendered page.</param>
/// <param name="Assets">Images and other files the pages use.</param>
/// <param name="Source">Where it was read from (<c>file:/...</c>, <c>url:...</c>).</param>
/// <param name="ContentHash">Hash of everything read, so an unchanged source is not rebuilt.</param>
/// <param name="BuiltAt">When it was rendered.</param>
/// <param name="Problems">Warnings found while building.</param>
public sealed record DocsSite(
    string EntityRef,
    string SiteName,
    string? SiteDescription,
    IReadOnlyList<SiteNavItem> Nav,
    IReadOnlyList<DocsPage> Pages,
    IReadOnlyList<DocsAsset> Assets,
    string Source,
    string ContentHash,
    DateTimeOffset BuiltAt,
    IReadOnlyList<DocsProblem> Problems);

/// <summary>A sidebar entry: a page (its site path), an external link, or a section.</summary>
/// <param name="Title">Shown title.</param>
/// <param name="Path">The page's path in the site (<c>guide/setup/</c>, empty for the home page), or null for a section or link.</param>
/// <param name="Url">An external link's URL, or null.</param>
/// <param name="Children">A section's entries.</param>
public sealed record SiteNavItem(string Title, string? Path, string? Url, IReadOnlyList<SiteNavItem> Children);

/// <summary>A rendered page.</summary>
/// <param name="Path">Directory-style path in the site (<c>guide/setup/</c>; empty for the home page).</param>
/// <param name="SourceFile">The Markdown file relative to the source (<c>docs/guide/setup.md</c>).</param>
/// <param name="Title">Nav title, else first heading, else the file name.</param>
/// <param name="Html">Sanitised body HTML.</param>
/// <param name="Toc">Its headings.</param>
/// <param name="Text">Plain text, for search.</param>
public sealed record DocsPage(string Path, string SourceFile, string Title, string Html, IReadOnlyList<TocEntry> Toc, string Text);

/// <summary>A non-Markdown file of the site (an image), served as is.</summary>
/// <param name="Path">Path relative to the docs folder (<c>img/flow.png</c>).</param>
/// <param name="ContentType">The media type it is served with.</param>
/// <param name="Content">Its bytes.</param>
public sealed record DocsAsset(string Path, string ContentType, byte[] Content);
