using Greenroom.TechDocs.Sites;
using Microsoft.Extensions.Options;

namespace Greenroom.TechDocs.Sources;

/// <summary>
/// Turns an entity's <c>backstage.io/techdocs-ref</c> into a source: <c>dir:&lt;path&gt;</c> relative to the file or
/// URL that produced the entity (its managed-by-location), confined to the folder of the location the catalog was
/// told to read (its origin) as the catalog confines descriptor reads; <c>url:&lt;folder URL&gt;</c> read over HTTP.
/// File locations exist only where the catalog may read (configuration, or the API's allowed file roots), so a docs
/// folder inside one is as trusted as the descriptor that names it.
/// </summary>
public sealed class DocsSourceResolver(IOptions<TechDocsOptions> options, IHttpClientFactory httpClients)
{
    /// <summary>The named HttpClient (automatic redirects off: each hop is checked against the allow-list).</summary>
    public const string HttpClientName = "Greenroom.TechDocs";

    private readonly DocsHostAllowList _allowList = new(options.Value.AllowedHosts);

    /// <summary>A fresh source (with its own byte budget) for one build; throws <see cref="DocsBuildException"/>.</summary>
    public IDocsSource Resolve(DocsEntity entity)
    {
        var settings = options.Value;
        var budget = new ReadBudget(settings.MaxFileBytes, settings.MaxSiteBytes);
        var reference = entity.TechDocsRef;
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw Problem($"{entity.EntityRef} has no {DocsEntity.TechDocsRefAnnotation} annotation");
        }

        try
        {
            if (reference.StartsWith("url:", StringComparison.Ordinal))
            {
                return Url(AsFolder(reference[4..].Trim(), reference), budget);
            }

            if (!reference.StartsWith("dir:", StringComparison.Ordinal))
            {
                throw Problem($"{DocsEntity.TechDocsRefAnnotation} '{reference}' must start with dir: or url:");
            }

            var path = reference[4..].Trim();
            var location = entity.ManagedByLocation
                ?? throw Problem($"{entity.EntityRef} has no backstage.io/managed-by-location, so '{reference}' has nothing to be relative to");
            if (location.StartsWith("file:", StringComparison.Ordinal))
            {
                var baseFolder = DescriptorFolder(location);
                var origin = entity.OriginLocation is { } o && o.StartsWith("file:", StringComparison.Ordinal)
                    ? Path.GetDirectoryName(StripGlob(o[5..])) ?? baseFolder
                    : baseFolder;
                return new FileDocsSource(Path.GetFullPath(path, baseFolder), origin, budget);
            }

            if (location.StartsWith("url:", StringComparison.Ordinal))
            {
                var descriptorUrl = new Uri(location[4..], UriKind.Absolute);
                var folder = new Uri(descriptorUrl, path.Length == 0 || path.EndsWith('/') ? path : path + "/");
                var originFolder = entity.OriginLocation is { } u && u.StartsWith("url:", StringComparison.Ordinal)
                    ? new Uri(new Uri(u[4..], UriKind.Absolute), ".")
                    : new Uri(descriptorUrl, ".");
                if (!folder.AbsoluteUri.StartsWith(originFolder.AbsoluteUri, StringComparison.Ordinal))
                {
                    throw Problem($"'{reference}' resolves to {folder}, outside the location's folder {originFolder}; reading it is refused");
                }

                return Url(folder, budget);
            }

            throw Problem($"The managed-by-location '{location}' is neither file: nor url:");
        }
        catch (DocsSourceException e)
        {
            throw Problem(e.Message);
        }
        catch (UriFormatException e)
        {
            throw Problem($"'{reference}' does not resolve to a URL: {e.Message}");
        }
    }

    /// <summary>
    /// The folder a <c>dir:</c> ref names on local disk (the one <see cref="Resolve"/> would read), or null for any
    /// other ref or location. Only a path: nothing is checked or read, so it is cheap enough for every entity.
    /// </summary>
    public static string? LocalFolder(DocsEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.TechDocsRef is not { } reference || !reference.StartsWith("dir:", StringComparison.Ordinal)
            || entity.ManagedByLocation is not { } location || !location.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(reference[4..].Trim(), DescriptorFolder(location));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // A malformed path: the full build reports it.
            return null;
        }
    }

    private static string DescriptorFolder(string fileLocation) => Path.GetDirectoryName(fileLocation[5..]) ?? "/";

    private UrlDocsSource Url(Uri folder, ReadBudget budget) =>
        new(folder, httpClients.CreateClient(HttpClientName), _allowList, budget, options.Value.HttpTimeout);

    private static Uri AsFolder(string url, string reference)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Problem($"'{reference}' must be url: followed by an absolute http(s) URL");
        }

        // A URL naming mkdocs.yml itself means its folder.
        if (uri.AbsolutePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(uri, ".");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    // A glob origin (file:/repo/**/catalog-info.yaml) confines to the folder before its first wildcard.
    private static string StripGlob(string path)
    {
        var wildcard = path.IndexOfAny(['*', '?', '[', '{']);
        return wildcard < 0 ? path : path[..(path.LastIndexOf('/', wildcard) + 1)];
    }

    private static DocsBuildException Problem(string message) => new(new DocsProblem(message, Severity: DocsProblem.Error));
}
