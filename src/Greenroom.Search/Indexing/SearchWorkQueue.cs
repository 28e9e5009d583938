using System.Collections.Concurrent;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;

namespace Greenroom.Search.Indexing;

/// <summary>
/// Where changes wait to be indexed: the catalog's change feed (every collator re-collates a changed entity) and
/// other features' signals (one type). A (type, entity) pair waits at most once however often it changes, and
/// callers never block: the indexer takes the pairs in batches.
/// </summary>
internal sealed class SearchWorkQueue(IEnumerable<ISearchCollator> collators) : ICatalogChangeListener, ISearchIndexQueue
{
    private readonly string[] _types = collators.Select(c => c.Type).Distinct(StringComparer.Ordinal).ToArray();
    private readonly ConcurrentDictionary<(string Type, string EntityRef), byte> _pending = new();
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Pairs waiting.</summary>
    public int Count => _pending.Count;

    public Task EntitiesChangedAsync(IReadOnlyCollection<string> entityRefs, CancellationToken cancellationToken)
    {
        foreach (var entityRef in entityRefs)
        {
            foreach (var type in _types)
            {
                _pending.TryAdd((type, entityRef.ToLowerInvariant()), 0);
            }
        }

        Signal();
        return Task.CompletedTask;
    }

    public void DocumentsChanged(string type, string entityRef)
    {
        _pending.TryAdd((type, entityRef.ToLowerInvariant()), 0);
        Signal();
    }

    /// <summary>Waits until something is pending.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (_pending.IsEmpty)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes every pending pair, grouped by type.</summary>
    public Dictionary<string, List<string>> TakeAll()
    {
        var taken = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out _))
            {
                if (!taken.TryGetValue(key.Type, out var refs))
                {
                    taken[key.Type] = refs = [];
                }

                refs.Add(key.EntityRef);
            }
        }

        return taken;
    }

    /// <summary>Forgets every pending pair: a full build is about to cover them.</summary>
    public void Clear() => _pending.Clear();

    private void Signal()
    {
        // One permit is enough: the indexer drains everything pending each time it wakes.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller released it between the check and the release: the indexer wakes either way.
            }
        }
    }
}
