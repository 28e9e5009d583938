using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Rendering;

/// <summary>
/// Rewrites a page's relative links to where the site is served: Markdown pages to their directory-style page URL
/// (<c>../setup.md#install</c> → <c>/docs/ns/kind/name/setup/#install</c>), other files to the static file URL.
/// Absolute URLs, site-absolute paths and same-page anchors are left alone (the sanitiser decides about schemes).
/// </summary>
internal static class LinkRewriter
{
    /// <summary>The new URL, or null to keep <paramref name="url"/>; a broken target adds a problem at <paramref name="line"/>.</summary>
    public static string? Rewrite(string url, bool isImage, int line, PageRenderContext context, List<DocsProblem> problems)
    {
        if (url.Length == 0 || url[0] is '#' or '/' || HasScheme(url))
        {
            return null;
        }

        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt >= 0 ? url[fragmentAt..] : string.Empty;
        var beforeFragment = fragmentAt >= 0 ? url[..fragmentAt] : url;
        var queryAt = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? beforeFragment[queryAt..] : string.Empty;
        var rawPath = queryAt >= 0 ? beforeFragment[..queryAt] : beforeFragment;

        var target = DocsPaths.Combine(DocsPaths.FolderOf(context.MarkdownFile), Uri.UnescapeDataString(rawPath));
        if (target is null)
        {
            problems.Add(new DocsProblem($"Link '{url}' points outside the docs folder", context.ProblemFile, line));
            return null;
        }

        if (!isImage && (rawPath.Length == 0 || rawPath.EndsWith('/') || target.Length == 0))
        {
            // A folder link means the folder's index page.
            var index = FolderIndex(target, context);
            if (index is null)
            {
                problems.Add(new DocsProblem($"Link '{url}' points to a folder without an index page", context.ProblemFile, line));
                return null;
            }

            target = index;
        }

        if (!isImage && DocsPaths.IsMarkdown(target))
        {
            if (!context.PageExists(target))
            {
                problems.Add(new DocsProblem($"Link '{url}' points to a missing page '{target}'", context.ProblemFile, line));
            }

            return context.PageBaseUrl + EscapePath(DocsPaths.PagePath(target)) + fragment;
        }

        if (context.AssetExists is { } assetExists && !assetExists(target))
        {
            problems.Add(new DocsProblem($"{(isImage ? "Image" : "Link")} '{url}' points to a missing file '{target}'", context.ProblemFile, line));
        }

        return context.AssetBaseUrl + EscapePath(target) + query + fragment;
    }

    private static string? FolderIndex(string folder, PageRenderContext context)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        return new[] { prefix + "index.md", prefix + "README.md" }.FirstOrDefault(context.PageExists);
    }

    // "mailto:", "https:", "javascript:": a colon before any slash, question mark or hash is a scheme.
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && url.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || colon < stop);
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
