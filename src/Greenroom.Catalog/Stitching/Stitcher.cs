using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Store;
using Microsoft.Extensions.Logging;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// Works off the durable stitch queue: builds the final form of each queued ref and writes the changed ones, removing
/// the refs from the queue in the same transaction, so a crash at any point only means more work on restart.
/// </summary>
internal sealed partial class Stitcher(ICatalogStore store, TimeProvider timeProvider, CatalogProgress progress, ILogger<Stitcher> logger)
{
    /// <summary>Refs taken from the queue per transaction.</summary>
    public const int BatchSize = 1000;

    /// <summary>Stitches until the queue is empty; returns how many refs were stitched.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var refs = await store.GetStitchQueueAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            if (refs.Count == 0)
            {
                progress.SetQueueDepth(0);
                return total;
            }

            progress.SetQueueDepth(refs.Count);
            await StitchAsync(refs, cancellationToken).ConfigureAwait(false);
            total += refs.Count;
        }
    }

    /// <summary>Stitches <paramref name="refs"/> in one store write.</summary>
    public async Task StitchAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        var sources = await store.GetStitchSourcesAsync(refs, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var finals = new FinalEntity?[sources.Count];
        Parallel.For(0, sources.Count, i =>
        {
            try
            {
                finals[i] = FinalEntityBuilder.Build(sources[i], now);
            }
            catch (System.Text.Json.JsonException exception)
            {
                // A corrupt processed row must not wedge the queue: skip it, keep its last final form, and say so.
                LogCorrupt(logger, sources[i].EntityRef, exception.Message);
            }
        });

        var changed = finals.OfType<FinalEntity>().ToList();
        await store.WriteFinalEntitiesAsync(changed, refs, cancellationToken).ConfigureAwait(false);
        progress.AddStitched(changed.Count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot stitch {EntityRef}: its processed form is not valid JSON ({Error})")]
    private static partial void LogCorrupt(ILogger logger, string entityRef, string error);
}
