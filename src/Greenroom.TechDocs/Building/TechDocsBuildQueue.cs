using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Greenroom.TechDocs.Building;

/// <summary>
/// Entities waiting for a docs build, each at most once however often it is enqueued before the worker reaches it
/// (a burst of catalog changes collapses to one build per entity). From <c>sweepThreshold</c> waiting entities on,
/// the queue drops them and asks for one sweep of the whole catalog instead, which covers them all with one paged read:
/// a flood (a mass change reports every entity) then costs a flag rather than an entry per entity.
/// </summary>
public sealed class TechDocsBuildQueue(int sweepThreshold = TechDocsBuildQueue.DefaultSweepThreshold)
{
    /// <summary>Waiting entities from which a sweep is asked for instead.</summary>
    public const int DefaultSweepThreshold = 10_000;

    /// <summary>What <see cref="DequeueAsync"/> returns when a sweep was asked for (never an entity ref).</summary>
    public const string SweepRequest = "*";

    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private int _absorbed;

    /// <summary>How many entities wait (with those a pending sweep absorbed, so the count grows while a flood lasts).</summary>
    public int Count => _pending.Count + Volatile.Read(ref _absorbed);

    /// <summary>Queues <paramref name="entityRef"/> (lower-cased key) unless it already waits or a sweep is pending.</summary>
    public void Enqueue(string entityRef)
    {
        var key = entityRef.ToLowerInvariant();
        if (_pending.ContainsKey(SweepRequest))
        {
            Interlocked.Increment(ref _absorbed);
            return;
        }

        if (_pending.TryAdd(key, true))
        {
            _channel.Writer.TryWrite(key);
            if (_pending.Count >= sweepThreshold)
            {
                RequestSweep();
            }
        }
    }

    /// <summary>Drops every waiting entity and asks for a sweep instead.</summary>
    public void RequestSweep()
    {
        Drain();
        if (_pending.TryAdd(SweepRequest, true))
        {
            _channel.Writer.TryWrite(SweepRequest);
        }
    }

    /// <summary>Forgets everything waiting: a sweep is about to cover it.</summary>
    public void Clear()
    {
        Drain();
        Interlocked.Exchange(ref _absorbed, 0);
    }

    /// <summary>Waits until something is queued.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The next entity to build (or <see cref="SweepRequest"/>), waiting until there is one.</summary>
    public async ValueTask<string> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

            // Removed before the build starts: a change during the build queues the entity again.
            if (_pending.TryRemove(key, out _))
            {
                if (key == SweepRequest)
                {
                    Interlocked.Exchange(ref _absorbed, 0);
                }

                return key;
            }
        }
    }

    // Empties the channel (it allows several readers for this) and the pending set with it.
    private void Drain()
    {
        while (_channel.Reader.TryRead(out var key))
        {
            _pending.TryRemove(key, out _);
        }
    }
}
