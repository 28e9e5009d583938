using Greenroom.TechDocs.Mkdocs;
using Greenroom.TechDocs.Rendering;

namespace Greenroom.TechDocs.Sites;

/// <summary>Renders a <see cref="DocsSnapshot"/> into a <see cref="DocsSite"/>: every page, the resolved nav, the problems.</summary>
public sealed class DocsSiteRenderer(MarkdownPageRenderer pages)
{
    /// <summary>Renders the site of <paramref name="entity"/>.</summary>
    public DocsSite Render(DocsEntity entity, DocsSnapshot snapshot, DateTimeOffset now)
    {
        var problems = new List<DocsProblem>(snapshot.Problems);
        var prefix = snapshot.DocsDir.Length == 0 ? string.Empty : snapshot.DocsDir + "/";
        Func<string, bool>? assetExists = snapshot.ListedFiles is { } listed ? listed.Contains : null;

        // Pages render independently: spread them over the cores, then assemble in the snapshot's order.
        var sources = snapshot.Pages.ToArray();
        var results = new RenderedPage[sources.Length];
        Parallel.For(0, sources.Length, i =>
        {
            var (file, markdown) = sources[i];
            results[i] = pages.Render(markdown, new PageRenderContext(file, prefix + file, entity.PageBaseUrl, entity.AssetBaseUrl, snapshot.Pages.ContainsKey, assetExists));
        });

        var rendered = new Dictionary<string, DocsPage>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            var file = sources[i].Key;
            var page = results[i];
            problems.AddRange(page.Problems);
            var path = DocsPaths.PagePath(file);
            if (rendered.TryGetValue(path, out var clash))
            {
                // index.md and README.md in one folder: mkdocs keeps index.md.
                problems.Add(new DocsProblem($"{prefix + file} and {clash.SourceFile} are both served at '{path}'; keeping {clash.SourceFile}", prefix + file));
                continue;
            }

            rendered[path] = new DocsPage(path, prefix + file, page.FirstHeading ?? FileTitle(file), page.Html, page.Toc, page.Text);
        }

        var nav = Resolve(snapshot.Nav, rendered);
        var titled = rendered.Values.Select(p => TitleFromNav(p, snapshot.Nav)).ToList();
        return new DocsSite(
            entity.EntityRef,
            snapshot.Config.SiteName,
            snapshot.Config.SiteDescription,
            nav,
            titled,
            snapshot.Assets,
            snapshot.Source,
            snapshot.ContentHash,
            now,
            problems);
    }

    private static List<SiteNavItem> Resolve(IReadOnlyList<NavItem> items, Dictionary<string, DocsPage> pages)
    {
        var resolved = new List<SiteNavItem>();
        foreach (var item in items)
        {
            if (item.Url is not null)
            {
                resolved.Add(new SiteNavItem(item.Title ?? item.Url, null, item.Url, []));
            }
            else if (item.Page is not null)
            {
                // Pages that failed to read are reported already and left out of the sidebar.
                if (DocsPaths.Combine(string.Empty, item.Page) is { } file && pages.TryGetValue(DocsPaths.PagePath(file), out var page))
                {
                    resolved.Add(new SiteNavItem(item.Title ?? page.Title, page.Path, null, []));
                }
            }
            else if (Resolve(item.Children, pages) is { Count: > 0 } children)
            {
                resolved.Add(new SiteNavItem(item.Title ?? string.Empty, null, null, children));
            }
        }

        return resolved;
    }

    private static DocsPage TitleFromNav(DocsPage page, IReadOnlyList<NavItem> nav)
    {
        var entry = nav.SelectMany(n => n.Pages())
            .FirstOrDefault(n => n.Title is not null && DocsPaths.Combine(string.Empty, n.Page!) is { } file && DocsPaths.PagePath(file) == page.Path);
        return entry is null ? page : page with { Title = entry.Title! };
    }

    // mkdocs' fallback title: the file name, dashes and underscores as spaces, first letter capitalised.
    private static string FileTitle(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (PageDiscovery.IsIndex(Path.GetFileName(file)))
        {
            name = DocsPaths.FolderOf(file) is { Length: > 0 } folder ? Path.GetFileName(folder) : "Home";
        }

        return PageDiscovery.FolderTitle(name);
    }
}
