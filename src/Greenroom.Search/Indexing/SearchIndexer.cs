using System.Diagnostics;
using System.Runtime.CompilerServices;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Greenroom.Search.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Search.Indexing;

/// <summary>
/// Keeps the index in step with the collators: a full build when the engine needs one (first start, lost or corrupt
/// index), then the queued changes in batches, each batch one commit. A failing collator or entity is logged and
/// skipped; a failing engine write puts the batch back and is retried after a pause.
/// </summary>
internal sealed partial class SearchIndexer(
    ISearchEngine engine,
    SearchWorkQueue queue,
    IEnumerable<ISearchCollator> collators,
    IEnumerable<ICatalogActivity> catalogActivity,
    IOptions<SearchOptions> options,
    TimeProvider timeProvider,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly CatalogChangeSettler _settler = new(
        catalogActivity.FirstOrDefault(),
        new CatalogChangeSettleOptions { FloodThreshold = options.Value.BatchSize, MaxSettle = options.Value.MaxSettleDelay },
        timeProvider);

    private readonly Dictionary<string, ISearchCollator> _collators = collators
        .GroupBy(c => c.Type, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private volatile string _state = SearchIndexStatus.Waiting;
    private volatile SearchBuildReport? _lastBuild;

    /// <summary>What the indexer is doing, without opening the index.</summary>
    public string State => _state;

    /// <summary>The indexer's state and the index size.</summary>
    public async Task<SearchIndexStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        new(_state, await engine.CountAsync(cancellationToken).ConfigureAwait(false), queue.Count, _lastBuild);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Opening or building the index must not hold up the host's start.
        await Task.Yield();
        try
        {
            // Nor compete with the catalog's first sync: the index is opened (and, on a first start, built from the
            // whole catalog in one pass) once the catalog is done; until then queries open it on first use.
            await _settler.WaitForInitialSyncAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            SearchWork? batch = null;
            try
            {
                if (await engine.NeedsFullBuildAsync(stoppingToken).ConfigureAwait(false))
                {
                    await BuildAsync(stoppingToken).ConfigureAwait(false);
                }

                _state = SearchIndexStatus.IdleState;
                await queue.WaitAsync(stoppingToken).ConfigureAwait(false);
                _state = "updating";
                await SettleAsync(stoppingToken).ConfigureAwait(false);
                batch = queue.TakeAll();
                await ApplyAsync(batch, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                foreach (var type in batch?.WholeTypes ?? new HashSet<string>())
                {
                    queue.CollateWhole(type);
                }

                foreach (var (type, refs) in batch?.Refs ?? [])
                {
                    foreach (var entityRef in refs)
                    {
                        queue.DocumentsChanged(type, entityRef);
                    }
                }

                await Task.Delay(RetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits one debounce period, and more while the queue keeps growing (up to <see cref="SearchOptions.MaxSettleDelay"/>):
    /// during a mass change the whole flood is then indexed in one pass once it is over, instead of in thousands of
    /// small updates that take cores from the catalog.
    /// </summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Debounce <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Delay(settings.Debounce, timeProvider, cancellationToken).ConfigureAwait(false);
        await _settler.SettleAsync(() => queue.Count, settings.Debounce, cancellationToken).ConfigureAwait(false);
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        _state = "building";

        // Everything pending is about to be read afresh; what changes from here on is queued again.
        queue.Clear();
        var started = Stopwatch.GetTimestamp();
        var progress = new BuildProgress(logger, started);
        var count = await engine.RebuildAsync(AllDocumentsAsync(cancellationToken), progress, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var rate = Rate(count, elapsed);
        _lastBuild = new SearchBuildReport(count, (long)elapsed.TotalMilliseconds, rate, timeProvider.GetUtcNow());
        LogBuilt(logger, count, _collators.Count, (long)elapsed.TotalMilliseconds, rate);
    }

    private async IAsyncEnumerable<SearchDocument> AllDocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var collator in _collators.Values)
        {
            var documents = collator.CollateAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using var _ = documents.ConfigureAwait(false);
            while (true)
            {
                try
                {
                    if (!await documents.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The others still build; this type's documents come back as its entities change.
                    LogCollatorFailed(logger, collator.Type, e);
                    break;
                }

                yield return documents.Current;
            }
        }
    }

    private async Task ApplyAsync(SearchWork batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        foreach (var type in batch.WholeTypes)
        {
            await ApplyTypeAsync(type, null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (type, refs) in batch.Refs)
        {
            await ApplyTypeAsync(type, refs.Count >= settings.FullCollationThreshold ? null : refs, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Re-collates <paramref name="refs"/> of <paramref name="type"/> in batches, or the whole type when null.</summary>
    private async Task ApplyTypeAsync(string type, List<string>? refs, CancellationToken cancellationToken)
    {
        if (!_collators.TryGetValue(type, out var collator))
        {
            LogUnknownType(logger, type, refs?.Count ?? 0);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        long documents = 0;
        if (refs is null)
        {
            documents = await engine.ReplaceTypeAsync(type, collator.CollateAllAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var chunk in refs.Chunk(options.Value.BatchSize))
            {
                var updates = new List<SearchUpdate>(chunk.Length);
                foreach (var entityRef in chunk)
                {
                    if (await CollateAsync(collator, entityRef, cancellationToken).ConfigureAwait(false) is { } update)
                    {
                        updates.Add(update);
                        documents += update.Documents.Count;
                    }
                }

                await engine.UpdateAsync(updates, cancellationToken).ConfigureAwait(false);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (refs is null)
        {
            LogReplaced(logger, type, documents, (long)elapsed.TotalMilliseconds, Rate(documents, elapsed));
        }
        else
        {
            LogUpdated(logger, type, refs.Count, documents, (long)elapsed.TotalMilliseconds, Rate(documents, elapsed));
        }
    }

    private async Task<SearchUpdate?> CollateAsync(ISearchCollator collator, string entityRef, CancellationToken cancellationToken)
    {
        try
        {
            var documents = new List<SearchDocument>();
            await foreach (var document in collator.CollateEntityAsync(entityRef, cancellationToken).ConfigureAwait(false))
            {
                documents.Add(document);
            }

            return new SearchUpdate(collator.Type, entityRef, documents);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEntityFailed(logger, collator.Type, entityRef, e);
            return null;
        }
    }

    private static long Rate(long count, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? (long)(count / elapsed.TotalSeconds) : count;

    /// <summary>Logs how far a full build got, every few thousand documents.</summary>
    private sealed class BuildProgress(ILogger logger, long started) : IProgress<long>
    {
        public void Report(long value)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogProgress(logger, value, Rate(value, elapsed));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index build: {Documents} documents so far ({Rate} documents/s)")]
    private static partial void LogProgress(ILogger logger, long documents, long rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Documents} documents from {Collators} collators in {Elapsed} ms ({Rate} documents/s)")]
    private static partial void LogBuilt(ILogger logger, long documents, int collators, long elapsed, long rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index updated {Type}: {Entities} entities, {Documents} documents in {Elapsed} ms ({Rate} documents/s)")]
    private static partial void LogUpdated(ILogger logger, string type, int entities, long documents, long elapsed, long rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index re-collated {Type} whole: {Documents} documents in {Elapsed} ms ({Rate} documents/s)")]
    private static partial void LogReplaced(ILogger logger, string type, long documents, long elapsed, long rate);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search collator {Type} failed during a full build; its documents are missing until its entities change")]
    private static partial void LogCollatorFailed(ILogger logger, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search collator {Type} failed for {EntityRef}; its documents are left as they were")]
    private static partial void LogEntityFailed(ILogger logger, string type, string entityRef, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No search collator of type {Type} is registered; {Count} changes of that type are ignored")]
    private static partial void LogUnknownType(ILogger logger, string type, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search indexing failed; the batch is retried shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
