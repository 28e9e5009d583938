using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Greenroom.TechDocs.Search;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;
using Greenroom.TechDocs.Storage;
using Microsoft.Extensions.Logging;

namespace Greenroom.TechDocs.Building;

/// <summary>What one build did.</summary>
public enum DocsBuildOutcome
{
    /// <summary>The entity has no docs (or is gone) and had none stored.</summary>
    NoDocs,

    /// <summary>The entity's docs were removed (entity deleted or annotation dropped).</summary>
    Removed,

    /// <summary>The source is unchanged since the last build: nothing rendered.</summary>
    Unchanged,

    /// <summary>A new site was rendered and stored.</summary>
    Built,

    /// <summary>The build failed; the status says why.</summary>
    Failed,
}

/// <summary>
/// Builds one entity's docs site: reads the entity, resolves and reads its source, renders when the content hash
/// changed (or when forced), stores the site and status, and tells the search engine.
/// </summary>
public sealed partial class TechDocsBuilder(
    ICatalogReader catalog,
    ITechDocsStore store,
    DocsSourceResolver resolver,
    DocsSourceReader reader,
    DocsSiteRenderer renderer,
    IEnumerable<ISearchIndexQueue> searchQueues,
    TimeProvider time,
    ILogger<TechDocsBuilder> logger)
{
    private readonly ISearchIndexQueue[] _searchQueues = searchQueues.ToArray();

    /// <summary>Builds <paramref name="entityRef"/>'s docs; <paramref name="force"/> renders even an unchanged source.</summary>
    public async Task<DocsBuildOutcome> BuildAsync(string entityRef, bool force, CancellationToken cancellationToken)
    {
        entityRef = entityRef.ToLowerInvariant();
        var found = await catalog.GetEntityAsync(entityRef, cancellationToken).ConfigureAwait(false);
        var entity = found is null ? null : DocsEntity.From(found);
        if (entity?.TechDocsRef is not { Length: > 0 })
        {
            // Most changed entities have no docs: a read first keeps the writer free of pointless deletes.
            if (await store.GetStatusAsync(entityRef, cancellationToken).ConfigureAwait(false) is null
                || !await store.DeleteAsync(entityRef, cancellationToken).ConfigureAwait(false))
            {
                return DocsBuildOutcome.NoDocs;
            }

            LogRemoved(entityRef);
            NotifySearch(entityRef);
            return DocsBuildOutcome.Removed;
        }

        var previous = await store.GetStatusAsync(entityRef, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        string? source = null;
        try
        {
            var docsSource = resolver.Resolve(entity);
            source = docsSource.Description;
            var snapshot = await reader.ReadAsync(docsSource, cancellationToken).ConfigureAwait(false);
            if (!force && previous is { State: not DocsBuildStatus.Failed } && previous.ContentHash == snapshot.ContentHash)
            {
                await store.SetStatusAsync(previous with { CheckedAt = now }, cancellationToken).ConfigureAwait(false);
                return DocsBuildOutcome.Unchanged;
            }

            var site = renderer.Render(entity, snapshot, now);
            await store.SaveSiteAsync(site, cancellationToken).ConfigureAwait(false);
            var state = site.Problems.Count == 0 ? DocsBuildStatus.Ok : DocsBuildStatus.Warning;
            await store.SetStatusAsync(
                new DocsBuildStatus(entityRef, state, source, snapshot.ContentHash, now, now, site.Problems), cancellationToken).ConfigureAwait(false);
            LogBuilt(entityRef, site.Pages.Count, site.Problems.Count, source);
            NotifySearch(entityRef);
            return DocsBuildOutcome.Built;
        }
        catch (DocsBuildException e)
        {
            LogFailed(entityRef, e.Problem.ToString());
            await store.SetStatusAsync(
                new DocsBuildStatus(entityRef, DocsBuildStatus.Failed, source, previous?.ContentHash, now, previous?.BuiltAt, [e.Problem]),
                cancellationToken).ConfigureAwait(false);
            return DocsBuildOutcome.Failed;
        }
    }

    private void NotifySearch(string entityRef)
    {
        foreach (var queue in _searchQueues)
        {
            try
            {
                queue.DocumentsChanged(TechDocsSearchCollator.DocumentType, entityRef);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Search catches up on its next full collation; a docs build must not fail because of it.
                LogSearchFailed(e, entityRef);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built docs of {EntityRef}: {Pages} pages, {Problems} problems, from {Source}")]
    private partial void LogBuilt(string entityRef, int pages, int problems, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Docs of {EntityRef} could not be built: {Problem}")]
    private partial void LogFailed(string entityRef, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed docs of {EntityRef}: the entity or its techdocs-ref is gone")]
    private partial void LogRemoved(string entityRef);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell search that the docs of {EntityRef} changed")]
    private partial void LogSearchFailed(Exception exception, string entityRef);
}
