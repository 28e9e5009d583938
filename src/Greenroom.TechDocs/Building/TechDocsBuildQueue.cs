using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Greenroom.TechDocs.Building;

/// <summary>
/// Entities waiting for a docs build, each at most once however often it is enqueued before the worker reaches it
/// (a burst of catalog changes collapses to one build per entity).
/// </summary>
public sealed class TechDocsBuildQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);

    /// <summary>How many entities wait.</summary>
    public int Count => _pending.Count;

    /// <summary>Queues <paramref name="entityRef"/> (lower-cased key) unless it already waits.</summary>
    public void Enqueue(string entityRef)
    {
        var key = entityRef.ToLowerInvariant();
        if (_pending.TryAdd(key, true))
        {
            _channel.Writer.TryWrite(key);
        }
    }

    /// <summary>The next entity to build, waiting until there is one.</summary>
    public async ValueTask<string> DequeueAsync(CancellationToken cancellationToken)
    {
        var key = await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        // Removed before the build starts: a change during the build queues the entity again.
        _pending.TryRemove(key, out _);
        return key;
    }
}
