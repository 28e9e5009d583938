namespace Greenroom.Catalog.Refresh;

/// <summary>Live ingestion progress for <c>/healthz</c> and metrics; updated by the engine, read by anyone.</summary>
public sealed class CatalogProgress : Greenroom.Plugins.Catalog.ICatalogActivity
{
    private long _passesCompleted;
    private long _entitiesProcessed;
    private long _entitiesStitched;
    private long _queueDepth;
    private long _lastPassTicks;
    private long _lastPassDurationMs;
    private int _initialSyncDone;

    /// <summary>Location passes completed since start.</summary>
    public long PassesCompleted => Interlocked.Read(ref _passesCompleted);

    /// <summary>Entity documents read since start.</summary>
    public long EntitiesProcessed => Interlocked.Read(ref _entitiesProcessed);

    /// <summary>Final entities written since start.</summary>
    public long EntitiesStitched => Interlocked.Read(ref _entitiesStitched);

    /// <summary>Refs waiting to be stitched, as of the last look at the queue.</summary>
    public long StitchQueueDepth => Interlocked.Read(ref _queueDepth);

    /// <summary>When the last location pass finished, or null.</summary>
    public DateTimeOffset? LastPassAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastPassTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>How long the last location pass took.</summary>
    public TimeSpan LastPassDuration => TimeSpan.FromMilliseconds(Interlocked.Read(ref _lastPassDurationMs));

    /// <summary>Whether the start-up sync and first full pass have finished.</summary>
    public bool InitialSyncDone => Volatile.Read(ref _initialSyncDone) == 1;

    internal void PassCompleted(int documents, DateTimeOffset at, TimeSpan duration)
    {
        Interlocked.Increment(ref _passesCompleted);
        Interlocked.Add(ref _entitiesProcessed, documents);
        Interlocked.Exchange(ref _lastPassTicks, at.UtcTicks);
        Interlocked.Exchange(ref _lastPassDurationMs, (long)duration.TotalMilliseconds);
    }

    internal void AddStitched(int count) => Interlocked.Add(ref _entitiesStitched, count);

    internal void SetQueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);

    internal void MarkInitialSyncDone() => Volatile.Write(ref _initialSyncDone, 1);
}
