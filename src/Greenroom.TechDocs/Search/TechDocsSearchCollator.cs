using System.Runtime.CompilerServices;
using Greenroom.Plugins.Search;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;

namespace Greenroom.TechDocs.Search;

/// <summary>
/// Search documents of type <c>techdocs</c>: one per stored page, titled by the page, its text and headings
/// searchable, leading to the page URL in the portal, with the entity it documents.
/// </summary>
public sealed class TechDocsSearchCollator(ITechDocsStore store) : ISearchCollator
{
    /// <summary>The document type, as Backstage names it.</summary>
    public const string DocumentType = "techdocs";

    /// <inheritdoc />
    public string Type => DocumentType;

    /// <inheritdoc />
    public async IAsyncEnumerable<SearchDocument> CollateAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var site in await store.ListSitesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var document in await DocumentsAsync(site, cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await store.GetSiteAsync(entityRef.ToLowerInvariant(), cancellationToken).ConfigureAwait(false) is not { } site)
        {
            yield break;
        }

        foreach (var document in await DocumentsAsync(site, cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    private async Task<List<SearchDocument>> DocumentsAsync(DocsSiteInfo site, CancellationToken cancellationToken)
    {
        if (DocsEntity.ParseRef(site.EntityRef) is not var (ns, kind, name))
        {
            return [];
        }

        var baseUrl = new DocsEntity(site.EntityRef, ns, kind, name, name, null, null, null).PageBaseUrl;
        var pages = await store.GetPagesAsync(site.EntityRef, cancellationToken).ConfigureAwait(false);
        return pages.Select(page => new SearchDocument(
                DocumentType,
                $"{site.EntityRef}#{page.Path}",
                site.EntityRef,
                page.Title,
                page.Text,
                baseUrl + page.Path,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kind"] = kind,
                    ["namespace"] = ns,
                    ["name"] = name,
                    ["siteName"] = site.SiteName,
                    ["path"] = page.Path,
                    ["headings"] = string.Join('\n', page.Toc.Select(t => t.Text)),
                    ["anchors"] = string.Join('\n', page.Toc.Select(t => t.Id)),
                }))
            .ToList();
    }
}
