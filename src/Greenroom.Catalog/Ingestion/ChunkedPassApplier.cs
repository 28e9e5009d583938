using System.Diagnostics;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// Applies the parts of one pass to the store in order, each while the reader reads the next, and ends the pass. At
/// most one part is being written at a time: that bounds the memory a pass holds, and the store has one writer anyway.
/// </summary>
internal sealed class ChunkedPassApplier(ICatalogStore store, Guid locationId, DateTimeOffset now)
{
    private readonly List<string> _added = [];
    private readonly List<string> _updated = [];
    private readonly List<EntityConflict> _conflicts = [];
    private readonly HashSet<string> _toStitch = new(StringComparer.Ordinal);
    private int _unchanged;
    private int _skipped;
    private Task _writing = Task.CompletedTask;
    private long _writeTicks;
    private long _waitTicks;

    /// <summary>Time the store spent writing the parts (and the end of the pass).</summary>
    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks));

    /// <summary>
    /// Time the reader spent waiting for the previous part's write before it could hand over the next: near the
    /// write time, the writer bounds the pass; near zero, the reader does.
    /// </summary>
    public TimeSpan ReaderWaitTime => Stopwatch.GetElapsedTime(0, _waitTicks);

    /// <summary>
    /// Starts writing <paramref name="part"/> once the previous part is written (and throws if that failed). Entities
    /// whose hash is unchanged are left out: the store has nothing to write for them, and the end of the pass brings
    /// back any that were orphans. An idle pass then writes nothing until its end.
    /// </summary>
    public async Task AddAsync(IReadOnlyList<IngestedEntity> part, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.GetTimestamp();
        await _writing.ConfigureAwait(false);
        _waitTicks += Stopwatch.GetTimestamp() - waiting;
        var changed = part.Where(e => e.ProcessedJson is not null || e.ErrorsJson is not null).ToList();
        _skipped += part.Count - changed.Count;
        if (changed.Count == 0)
        {
            return;
        }

        // The store's async calls may complete synchronously: run the write on its own thread so reading goes on.
        var batch = new IngestionBatch(locationId, changed, [], now);
        _writing = Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await store.ApplyIngestionChunkAsync(batch, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - started);
            Merge(outcome);
        }, cancellationToken);
    }

    /// <summary>Waits for the part being written, if any, without throwing (the caller is already failing or ending).</summary>
    public Task SettleAsync() => Task.WhenAny(_writing);

    /// <summary>Waits for the last part, ends the pass (orphans) and returns the outcome of the whole pass.</summary>
    public async Task<IngestionOutcome> EndAsync(IngestionPassEnd end, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.GetTimestamp();
        await _writing.ConfigureAwait(false);
        var ending = Stopwatch.GetTimestamp();
        _waitTicks += ending - waiting;
        var last = await store.CompleteIngestionPassAsync(end, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - ending);
        Merge(last);
        // Entities left out of the parts are unchanged, except the orphans the end of the pass brought back.
        var unchanged = _unchanged + _skipped - last.Updated.Count;
        return new IngestionOutcome(_added, _updated, unchanged, last.Orphaned, _conflicts, _toStitch);
    }

    private void Merge(IngestionOutcome outcome)
    {
        _added.AddRange(outcome.Added);
        _updated.AddRange(outcome.Updated);
        _conflicts.AddRange(outcome.Conflicts);
        _unchanged += outcome.Unchanged;
        _toStitch.UnionWith(outcome.RefsToStitch);
    }
}
