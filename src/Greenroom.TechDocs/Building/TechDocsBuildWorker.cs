using Greenroom.Plugins.Catalog;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.TechDocs.Building;

/// <summary>
/// The background loop: builds queued entities one at a time, and every <see cref="TechDocsOptions.RebuildInterval"/>
/// (and once at start) queues every documented entity, so sources that changed without a catalog change (a page
/// edited next to an unchanged catalog-info.yaml) are picked up by their content hash.
/// </summary>
internal sealed partial class TechDocsBuildWorker(
    TechDocsBuildQueue queue,
    TechDocsBuilder builder,
    ICatalogReader catalog,
    IEnumerable<ICatalogActivity> catalogActivity,
    ITechDocsStore store,
    IOptions<TechDocsOptions> options,
    TimeProvider time,
    ILogger<TechDocsBuildWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(BuildLoopAsync(stoppingToken), SweepLoopAsync(stoppingToken));

    /// <summary>Queue depth from which a still-growing queue is left to settle before building.</summary>
    private const int SettleThreshold = 100;

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(60);

    /// <summary>
    /// While a flood of changes is still arriving (a first ingestion queues every entity), waits for it to settle, up
    /// to a minute: docs builds then run after the catalog's own work instead of taking its cores throughout.
    /// </summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        // Docs of a first ingestion are built once the catalog is done with it.
        var activity = catalogActivity.FirstOrDefault();
        var waitedForCatalog = TimeSpan.Zero;
        while (queue.Count > 0 && activity is { InitialSyncDone: false } && waitedForCatalog < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(SettlePoll, time, cancellationToken).ConfigureAwait(false);
            waitedForCatalog += SettlePoll;
        }

        var pending = queue.Count;
        var waited = TimeSpan.Zero;
        while (pending >= SettleThreshold && waited < MaxSettle)
        {
            await Task.Delay(SettlePoll, time, cancellationToken).ConfigureAwait(false);
            waited += SettlePoll;
            var now = queue.Count;
            if (now == pending)
            {
                return;
            }

            pending = now;
        }
    }

    private async Task BuildLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string entityRef;
            try
            {
                await SettleAsync(stoppingToken).ConfigureAwait(false);
                entityRef = await queue.DequeueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await builder.BuildAsync(entityRef, force: false, stoppingToken).ConfigureAwait(false);
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

    /// <summary>Queues every entity with a techdocs-ref, and every entity with stored docs (to remove what is gone).</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var entity in catalog.ReadEntitiesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            // A cheap text probe before parsing: most entities have no docs.
            if (entity.Json.Contains(DocsEntity.TechDocsRefAnnotation, StringComparison.Ordinal) && DocsEntity.From(entity).TechDocsRef is { Length: > 0 })
            {
                queue.Enqueue(entity.EntityRef);
                count++;
            }
        }

        foreach (var status in await store.ListStatusesAsync(cancellationToken).ConfigureAwait(false))
        {
            queue.Enqueue(status.EntityRef);
        }

        LogSwept(count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the docs of {EntityRef} failed unexpectedly")]
    private partial void LogBuildCrashed(Exception exception, string entityRef);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking documented entities for changes failed; retrying in 30 seconds")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queued {Count} documented entities for a source check")]
    private partial void LogSwept(int count);
}
