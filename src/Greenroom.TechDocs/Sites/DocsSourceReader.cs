using System.Security.Cryptography;
using System.Text;
using Greenroom.TechDocs.Mkdocs;
using Greenroom.TechDocs.Sources;

namespace Greenroom.TechDocs.Sites;

/// <summary>
/// Reads a site from its source: mkdocs.yml, the pages (the nav's, plus every Markdown file when the source can list)
/// and the images beside them, within the page-count and byte limits, and hashes what it read.
/// </summary>
public sealed class DocsSourceReader(int maxPages)
{
    /// <summary>Bumped when rendering changes, so every site is rebuilt once after an upgrade.</summary>
    public const string RendererVersion = "greenroom-techdocs-1";

    private static readonly Dictionary<string, string> AssetTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
    };

    /// <summary>The media type an asset with this file name is served with, or null when it is not served.</summary>
    public static string? AssetContentType(string path) => AssetTypes.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>Reads the source; throws <see cref="DocsBuildException"/> when it cannot make a site of it.</summary>
    public async Task<DocsSnapshot> ReadAsync(IDocsSource source, CancellationToken cancellationToken)
    {
        var problems = new List<DocsProblem>();
        var configText = await ReadConfigAsync(source, cancellationToken).ConfigureAwait(false);
        var config = MkdocsConfigReader.Parse(configText);
        var docsDir = DocsPaths.Combine(string.Empty, config.DocsDir)
            ?? throw new DocsBuildException(new DocsProblem($"docs_dir '{config.DocsDir}' leaves the source folder", MkdocsConfigReader.FileName));
        var prefix = docsDir.Length == 0 ? string.Empty : docsDir + "/";

        IReadOnlyList<string>? listed;
        try
        {
            listed = await source.ListFilesAsync(docsDir, cancellationToken).ConfigureAwait(false);
        }
        catch (DocsSourceException e)
        {
            throw new DocsBuildException(new DocsProblem($"The docs folder cannot be read: {e.Message}", MkdocsConfigReader.FileName));
        }

        var listedSet = listed is null ? null : new HashSet<string>(listed, StringComparer.Ordinal);
        var nav = config.Nav ?? (listed is null
            ? throw new DocsBuildException(new DocsProblem(
                "A docs source read over HTTP cannot be listed: mkdocs.yml needs a nav naming its pages", MkdocsConfigReader.FileName))
            : PageDiscovery.Discover(listed.Where(DocsPaths.IsMarkdown)));

        // mkdocs renders every Markdown file, in the nav or not; over HTTP only the nav's pages can be known.
        var wanted = new List<(string Path, int Line)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in nav.SelectMany(n => n.Pages()))
        {
            var path = DocsPaths.Combine(string.Empty, page.Page!);
            if (path is null)
            {
                problems.Add(new DocsProblem($"nav entry '{page.Page}' leaves the docs folder", MkdocsConfigReader.FileName, page.Line));
            }
            else if (listedSet is not null && !listedSet.Contains(path))
            {
                problems.Add(new DocsProblem($"nav names '{page.Page}', which is not in the docs folder", MkdocsConfigReader.FileName, page.Line));
            }
            else if (seen.Add(path))
            {
                wanted.Add((path, page.Line));
            }
        }

        wanted.AddRange((listed ?? []).Where(f => DocsPaths.IsMarkdown(f) && seen.Add(f)).Select(f => (f, 0)));
        if (wanted.Count > maxPages)
        {
            throw new DocsBuildException(new DocsProblem(
                $"The site has {wanted.Count} pages, more than the limit of {maxPages} (Greenroom:TechDocs:MaxPages)", MkdocsConfigReader.FileName));
        }

        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, line) in wanted)
        {
            try
            {
                pages[path] = await source.ReadTextAsync(prefix + path, cancellationToken).ConfigureAwait(false);
            }
            catch (DocsSourceException e)
            {
                problems.Add(e.IsNotFound && line > 0
                    ? new DocsProblem($"nav names '{path}', which does not exist", MkdocsConfigReader.FileName, line)
                    : new DocsProblem(e.Message, prefix + path));
            }
        }

        var assets = new List<DocsAsset>();
        foreach (var file in (listed ?? []).Where(f => AssetContentType(f) is not null))
        {
            try
            {
                assets.Add(new DocsAsset(file, AssetContentType(file)!, await source.ReadBytesAsync(prefix + file, cancellationToken).ConfigureAwait(false)));
            }
            catch (DocsSourceException e)
            {
                problems.Add(new DocsProblem(e.Message, prefix + file));
            }
        }

        return new DocsSnapshot(source.Description, config, docsDir, nav, pages, assets, listedSet, Hash(configText, pages, assets), problems);
    }

    private static async Task<string> ReadConfigAsync(IDocsSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadTextAsync(MkdocsConfigReader.FileName, cancellationToken).ConfigureAwait(false);
        }
        catch (DocsSourceException e) when (e.IsNotFound)
        {
            try
            {
                return await source.ReadTextAsync("mkdocs.yaml", cancellationToken).ConfigureAwait(false);
            }
            catch (DocsSourceException again) when (again.IsNotFound)
            {
                throw new DocsBuildException(new DocsProblem($"No mkdocs.yml in {source.Description}", MkdocsConfigReader.FileName));
            }
        }
        catch (DocsSourceException e)
        {
            throw new DocsBuildException(new DocsProblem(e.Message, MkdocsConfigReader.FileName));
        }
    }

    private static string Hash(string config, Dictionary<string, string> pages, List<DocsAsset> assets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add(RendererVersion);
        Add(config);
        foreach (var (path, text) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(path);
            Add(text);
        }

        foreach (var asset in assets.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            Add(asset.Path);
            hash.AppendData(asset.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
