using Greenroom.Plugins.Catalog;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.TechDocs.Building;

/// <summary>
/// The background loop. It starts once the catalog's first sync is done, with one sweep over the whole catalog
/// instead of the changes the sync reported (one paged read beats a read per changed entity, and the start-up path
/// and the first ingestion keep the cores); then it builds changed entities one at a time, and every
/// <see cref="TechDocsOptions.RebuildInterval"/> sweeps again, so sources that changed without a catalog change (a
/// page edited next to an unchanged catalog-info.yaml) are picked up by their content hash. A folder without
/// mkdocs.yml costs one existence check and is counted in one summary line, not built or logged per entity.
/// </summary>
internal sealed partial class TechDocsBuildWorker(
    TechDocsBuildQueue queue,
    TechDocsBuilder builder,
    ICatalogReader catalog,
    IEnumerable<ICatalogActivity> catalogActivity,
    ITechDocsStore store,
    IOptions<TechDocsOptions> options,
    TimeProvider time,
    ILogger<TechDocsBuildWorker> logger) : BackgroundService, ITechDocsWorkerStatus
{
    private readonly CatalogChangeSettler _settler = new(
        catalogActivity.FirstOrDefault(),
        new CatalogChangeSettleOptions { Poll = TimeSpan.FromMilliseconds(500), FloodThreshold = 100, MaxSettle = TimeSpan.FromSeconds(60) },
        time);

    private int _skippedSinceLog;
    private string? _skippedExample;
    private volatile string _state = "waiting-for-catalog";
    private int _sweeping;

    /// <inheritdoc />
    public string State => Volatile.Read(ref _sweeping) > 0 ? "sweeping" : _state;

    /// <inheritdoc />
    public int Pending => queue.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _settler.WaitForInitialSyncAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // The sweep that starts the sweep loop covers every change queued so far.
        queue.Clear();
        await Task.WhenAll(BuildLoopAsync(stoppingToken), SweepLoopAsync(stoppingToken)).ConfigureAwait(false);
    }

    private async Task BuildLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string entityRef;
            try
            {
                // A flood of changes (a mass edit) is left to settle, so docs build after the catalog's own work.
                if (queue.Count == 0)
                {
                    _state = "idle";
                }

                await queue.WaitAsync(stoppingToken).ConfigureAwait(false);
                _state = "building";
                await _settler.SettleAsync(() => queue.Count, TimeSpan.Zero, stoppingToken).ConfigureAwait(false);
                entityRef = await queue.DequeueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (entityRef == TechDocsBuildQueue.SweepRequest)
                {
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                else if (await builder.CheckAsync(entityRef, stoppingToken).ConfigureAwait(false) == DocsBuildOutcome.WithoutConfig)
                {
                    _skippedSinceLog++;
                    _skippedExample ??= entityRef;
                    LogSkipped(entityRef);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One bad entity must not stop the loop; its status keeps the last recorded outcome.
                LogBuildCrashed(e, entityRef);
            }

            if (queue.Count == 0 && _skippedSinceLog > 0)
            {
                LogSkippedChanges(_skippedSinceLog, _skippedExample!);
                _skippedSinceLog = 0;
                _skippedExample = null;
            }
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.RebuildInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(30), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Queues every entity with a techdocs-ref and every entity with stored docs (to remove what is gone), except
    /// entities without recorded docs whose docs folder has no mkdocs.yml: those are counted, once per sweep.
    /// </summary>
    internal async Task<DocsSweep> SweepAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sweeping);
        try
        {
            return await SweepCatalogAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _sweeping);
        }
    }

    private async Task<DocsSweep> SweepCatalogAsync(CancellationToken cancellationToken)
    {
        var statuses = await store.ListStatusesAsync(cancellationToken).ConfigureAwait(false);
        var recorded = statuses.Select(s => s.EntityRef).ToHashSet(StringComparer.Ordinal);
        int documented = 0, withoutConfig = 0;
        string? example = null;
        await foreach (var entity in catalog.ReadEntitiesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            // A cheap text probe before parsing: most entities have no docs.
            if (!entity.Json.Contains(DocsEntity.TechDocsRefAnnotation, StringComparison.Ordinal)
                || DocsEntity.From(entity) is not { TechDocsRef.Length: > 0 } docs)
            {
                continue;
            }

            documented++;
            if (builder.SkipsWithoutConfig(docs, recorded.Contains(docs.EntityRef)))
            {
                withoutConfig++;
                example ??= docs.EntityRef;
                continue;
            }

            queue.Enqueue(docs.EntityRef);
        }

        foreach (var status in statuses)
        {
            queue.Enqueue(status.EntityRef);
        }

        if (withoutConfig > 0)
        {
            LogSweptWithoutConfig(documented, withoutConfig, example!);
        }

        LogSwept(documented - withoutConfig, statuses.Count);
        return new DocsSweep(documented, withoutConfig);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the docs of {EntityRef} failed unexpectedly")]
    private partial void LogBuildCrashed(Exception exception, string entityRef);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking documented entities for changes failed; retrying in 30 seconds")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queued {Count} documented entities and {Recorded} with recorded docs for a source check")]
    private partial void LogSwept(int count, int recorded);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "{Count} of {Documented} entities with a techdocs-ref name a docs folder without mkdocs.yml (for example {Example}); they are not built until one appears")]
    private partial void LogSweptWithoutConfig(int documented, int count, string example);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Docs of {EntityRef} not built: its docs folder has no mkdocs.yml")]
    private partial void LogSkipped(string entityRef);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "{Count} changed entities name a docs folder without mkdocs.yml (for example {Example}); they are not built until one appears")]
    private partial void LogSkippedChanges(int count, string example);
}

/// <summary>What a sweep found.</summary>
/// <param name="Documented">Entities with a techdocs-ref.</param>
/// <param name="WithoutConfig">Of those, entities without recorded docs whose folder has no mkdocs.yml (not queued).</param>
internal sealed record DocsSweep(int Documented, int WithoutConfig);
