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

    /// <summary>
    /// The entity's <c>dir:</c> folder on local disk has no mkdocs.yml and no docs are recorded for it: skipped after
    /// one existence check, nothing recorded (see <see cref="TechDocsBuilder.CheckAsync"/>).
    /// </summary>
    WithoutConfig,
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
    private readonly MissingDocsConfigs _missingConfigs = new();

    /// <summary>Entities currently known to name a docs folder without mkdocs.yml and to have no docs recorded.</summary>
    public int EntitiesWithoutConfig => _missingConfigs.Count;

    /// <summary>
    /// Builds <paramref name="entityRef"/>'s docs, recording the outcome whatever it is (an explicit build);
    /// <paramref name="force"/> renders even an unchanged source.
    /// </summary>
    public Task<DocsBuildOutcome> BuildAsync(string entityRef, bool force, CancellationToken cancellationToken) =>
        BuildAsync(entityRef, force, skipWithoutConfig: false, cancellationToken);

    /// <summary>
    /// What the background worker runs for a changed entity: a build like <see cref="BuildAsync(string, bool, CancellationToken)"/>,
    /// except that a <c>dir:</c> folder on local disk without mkdocs.yml, for an entity with no docs recorded, is
    /// skipped after one existence check (<see cref="DocsBuildOutcome.WithoutConfig"/>), and the entity is remembered
    /// so its next change skips the store read as well. An entity with docs recorded is built as before, so a site
    /// that loses its mkdocs.yml keeps its last good build and records why.
    /// </summary>
    public Task<DocsBuildOutcome> CheckAsync(string entityRef, CancellationToken cancellationToken) =>
        BuildAsync(entityRef, force: false, skipWithoutConfig: true, cancellationToken);

    /// <summary>
    /// For the sweep, which has the entity and knows whether docs are recorded for it: true (and the entity
    /// remembered) when it would be skipped as <see cref="DocsBuildOutcome.WithoutConfig"/>.
    /// </summary>
    internal bool SkipsWithoutConfig(DocsEntity entity, bool docsRecorded)
    {
        if (docsRecorded || MissingDocsConfigs.FolderWithoutConfig(entity) is null)
        {
            _missingConfigs.Forget(entity.EntityRef);
            return false;
        }

        _missingConfigs.Remember(entity);
        return true;
    }

    /// <summary>
    /// What an entity without recorded docs shows instead of a build status: a failed status naming the folder
    /// without mkdocs.yml, as a build of it would record; null when there is nothing to say (no techdocs-ref, a
    /// source that is not a folder on disk, or one that has mkdocs.yml and is waiting for its first build).
    /// </summary>
    public async Task<DocsBuildStatus?> DescribeUnbuiltAsync(string entityRef, CancellationToken cancellationToken)
    {
        entityRef = entityRef.ToLowerInvariant();
        var found = await catalog.GetEntityAsync(entityRef, cancellationToken).ConfigureAwait(false);
        if (found is null || DocsEntity.From(found) is not { TechDocsRef.Length: > 0 } entity
            || MissingDocsConfigs.FolderWithoutConfig(entity) is not { } folder)
        {
            return null;
        }

        return new DocsBuildStatus(entityRef, DocsBuildStatus.Failed, "file:" + folder, null, time.GetUtcNow(), null, [MissingDocsConfigs.Problem(folder)]);
    }

    private async Task<DocsBuildOutcome> BuildAsync(string entityRef, bool force, bool skipWithoutConfig, CancellationToken cancellationToken)
    {
        entityRef = entityRef.ToLowerInvariant();
        var found = await catalog.GetEntityAsync(entityRef, cancellationToken).ConfigureAwait(false);
        var entity = found is null ? null : DocsEntity.From(found);
        if (entity?.TechDocsRef is { Length: > 0 } && skipWithoutConfig && await SkipsAsync(entity, cancellationToken).ConfigureAwait(false))
        {
            return DocsBuildOutcome.WithoutConfig;
        }

        _missingConfigs.Forget(entityRef);
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

    // Remembered entities skip the status read; the existence check is repeated, so an added mkdocs.yml is built at
    // the entity's next change (and by the periodic sweep without one).
    private async Task<bool> SkipsAsync(DocsEntity entity, CancellationToken cancellationToken)
    {
        if (MissingDocsConfigs.FolderWithoutConfig(entity) is null)
        {
            return false;
        }

        if (!_missingConfigs.WasUnrecorded(entity) && await store.GetStatusAsync(entity.EntityRef, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        _missingConfigs.Remember(entity);
        return true;
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
