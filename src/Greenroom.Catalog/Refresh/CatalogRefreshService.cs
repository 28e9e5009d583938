using System.Threading.Channels;
using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Refresh;

/// <summary>
/// Keeps the catalog fresh: at start syncs configured locations, loads the demo catalog into an empty catalog,
/// finishes any stitching a crash left behind and runs a full pass; then a full pass every
/// <see cref="CatalogOptions.RefreshInterval"/>, and a pass of just the changed location when a watched file changes.
/// </summary>
internal sealed partial class CatalogRefreshService(
    CatalogEngine engine,
    ICatalogStore store,
    IOptions<CatalogOptions> options,
    CatalogProgress progress,
    CatalogPaths paths,
    TimeProvider timeProvider,
    ILogger<CatalogRefreshService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
            await SyncConfiguredLocationsAsync(stoppingToken).ConfigureAwait(false);
            var recovered = await engine.StitchPendingAsync(stoppingToken).ConfigureAwait(false);
            if (recovered > 0)
            {
                LogRecovered(logger, recovered);
            }

            await RunSafelyAsync(() => engine.RefreshAllAsync(stoppingToken)).ConfigureAwait(false);
            progress.MarkInitialSyncDone();
            await LoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Adds configured locations that are missing, removes config locations no longer configured, loads the demo.</summary>
    internal async Task SyncConfiguredLocationsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var existing = await store.ListLocationsAsync(cancellationToken).ConfigureAwait(false);
        var configured = settings.Locations.Select(l => (l.Type, l.Target)).ToHashSet();
        foreach (var stale in existing.Where(l => l.Origin == LocationOrigin.Config && !configured.Contains((l.Type, l.Target))))
        {
            await engine.RemoveLocationAsync(stale.Id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (type, target) in configured)
        {
            if (!existing.Any(l => l.Type == type && l.Target == target))
            {
                await AddQuietlyAsync(new LocationSpec(type, target, LocationOrigin.Config), cancellationToken).ConfigureAwait(false);
            }
        }

        var demo = existing.Where(l => l.Origin == LocationOrigin.Demo).ToList();
        var demoPath = settings.DemoCatalogPath;
        if (configured.Count > 0 || (demo.Count > 0 && !string.IsNullOrEmpty(demoPath) && demo.All(l => l.Target != demoPath)))
        {
            // Real locations replace the demo organisation; and when the demo files moved (another build configuration
            // or install folder) the demo follows them, or every demo entity would become an orphan of a missing folder.
            foreach (var location in demo)
            {
                await engine.RemoveLocationAsync(location.Id, cancellationToken).ConfigureAwait(false);
            }

            demo.Clear();
        }

        if (configured.Count == 0 && demo.Count == 0 && !string.IsNullOrEmpty(demoPath))
        {
            var counts = await store.GetCountsAsync(cancellationToken).ConfigureAwait(false);
            if (counts.Entities == 0)
            {
                await AddQuietlyAsync(new LocationSpec("file", demoPath, LocationOrigin.Demo), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task AddQuietlyAsync(LocationSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            // The full pass that follows reads it.
            await store.AddLocationAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (LocationConflictException)
        {
            // Already registered (through the API, say): nothing to add.
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var changedLocations = Channel.CreateUnbounded<Guid>();
        using var watchers = new FileLocationWatchers(paths, timeProvider, id => changedLocations.Writer.TryWrite(id));
        if (settings.WatchFiles)
        {
            watchers.Update(await store.ListLocationsAsync(stoppingToken).ConfigureAwait(false));
        }

        // Guid.Empty asks for the watchers to follow locations added or removed through the API.
        void OnLocationsChanged() => changedLocations.Writer.TryWrite(Guid.Empty);
        engine.LocationsChanged += OnLocationsChanged;
        try
        {
            await RunLoopAsync(settings, watchers, changedLocations.Reader, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            engine.LocationsChanged -= OnLocationsChanged;
        }
    }

    private async Task RunLoopAsync(CatalogOptions settings, FileLocationWatchers watchers, ChannelReader<Guid> changedLocations, CancellationToken stoppingToken)
    {

        using var timer = new PeriodicTimer(settings.RefreshInterval, timeProvider);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var change = changedLocations.WaitToReadAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = await Task.WhenAny(tick, change).ConfigureAwait(false);
            if (done == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                await RunSafelyAsync(() => engine.RefreshAllAsync(stoppingToken)).ConfigureAwait(false);
                if (settings.WatchFiles)
                {
                    watchers.Update(await store.ListLocationsAsync(stoppingToken).ConfigureAwait(false));
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                continue;
            }

            if (!await change.ConfigureAwait(false))
            {
                return;
            }

            var ids = new HashSet<Guid>();
            while (changedLocations.TryRead(out var id))
            {
                ids.Add(id);
            }

            if (ids.Remove(Guid.Empty) && settings.WatchFiles)
            {
                watchers.Update(await store.ListLocationsAsync(stoppingToken).ConfigureAwait(false));
            }

            foreach (var id in ids)
            {
                var location = await store.GetLocationAsync(id, stoppingToken).ConfigureAwait(false);
                if (location is not null)
                {
                    await RunSafelyAsync(() => engine.IngestExclusiveAsync(location, stoppingToken)).ConfigureAwait(false);
                }
            }

            change = changedLocations.WaitToReadAsync(stoppingToken).AsTask();
        }
    }

    private async Task RunSafelyAsync(Func<Task> pass)
    {
        try
        {
            await pass().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failing pass (a store error, a bug) must not stop the refresh loop for good.
            LogPassFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stitched {Count} entities left over from an interrupted run")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog refresh pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
