using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;

namespace Greenroom.Search.Indexing;

/// <summary>
/// Where changes wait to be indexed: the catalog's change feed (every collator re-collates a changed entity) and
/// other features' signals (one type). A (type, entity) pair waits at most once however often it changes, and
/// callers never block: the indexer takes the pairs in batches. Once <c>wholeTypeThreshold</c> entities of one type
/// wait, the type is marked for a whole re-collation instead and its pairs are dropped, so a flood (a first ingestion
/// reports every entity) costs a flag rather than a pair per entity and type.
/// </summary>
internal sealed class SearchWorkQueue(IEnumerable<ISearchCollator> collators, int wholeTypeThreshold = int.MaxValue)
    : ICatalogChangeListener, ISearchIndexQueue
{
    private readonly string[] _types = collators.Select(c => c.Type).Distinct(StringComparer.Ordinal).ToArray();
    private readonly ConcurrentDictionary<(string Type, string EntityRef), byte> _pending = new();
    private readonly ConcurrentDictionary<string, StrongBox<int>> _perType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _wholeTypes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _absorbed;

    /// <summary>
    /// Changes waiting: pairs, plus the changes absorbed by a type already marked whole, so the count keeps growing
    /// while a flood lasts (the indexer waits for it to stop).
    /// </summary>
    public int Count => _pending.Count + Volatile.Read(ref _absorbed);

    public Task EntitiesChangedAsync(IReadOnlyCollection<string> entityRefs, CancellationToken cancellationToken)
    {
        foreach (var entityRef in entityRefs)
        {
            var key = entityRef.ToLowerInvariant();
            foreach (var type in _types)
            {
                Add(type, key);
            }
        }

        Signal();
        return Task.CompletedTask;
    }

    public void DocumentsChanged(string type, string entityRef)
    {
        Add(type, entityRef.ToLowerInvariant());
        Signal();
    }

    /// <summary>Marks <paramref name="type"/> for a whole re-collation (a failed one is put back this way).</summary>
    public void CollateWhole(string type)
    {
        if (_wholeTypes.TryAdd(type, 0))
        {
            foreach (var key in _pending.Keys)
            {
                if (key.Type == type && _pending.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref PerType(type).Value);
                }
            }
        }

        Signal();
    }

    /// <summary>Waits until something is pending.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (_pending.IsEmpty && _wholeTypes.IsEmpty)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes every pending pair, grouped by type, and the types to re-collate whole.</summary>
    public SearchWork TakeAll()
    {
        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in _wholeTypes.Keys)
        {
            if (_wholeTypes.TryRemove(type, out _))
            {
                whole.Add(type);
            }
        }

        Interlocked.Exchange(ref _absorbed, 0);
        var taken = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref PerType(key.Type).Value);
                if (whole.Contains(key.Type))
                {
                    // Raced in just before the type was marked: the whole re-collation covers it.
                    continue;
                }

                if (!taken.TryGetValue(key.Type, out var refs))
                {
                    taken[key.Type] = refs = [];
                }

                refs.Add(key.EntityRef);
            }
        }

        return new SearchWork(whole, taken);
    }

    /// <summary>Forgets everything pending: a full build is about to cover it.</summary>
    public void Clear()
    {
        _wholeTypes.Clear();
        Interlocked.Exchange(ref _absorbed, 0);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref PerType(key.Type).Value);
            }
        }
    }

    private void Add(string type, string entityRef)
    {
        if (_wholeTypes.ContainsKey(type))
        {
            Interlocked.Increment(ref _absorbed);
            return;
        }

        if (_pending.TryAdd((type, entityRef), 0) && Interlocked.Increment(ref PerType(type).Value) >= wholeTypeThreshold)
        {
            CollateWhole(type);
        }
    }

    private StrongBox<int> PerType(string type) => _perType.GetOrAdd(type, static _ => new StrongBox<int>());

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

/// <summary>One batch of indexing work.</summary>
/// <param name="WholeTypes">Types to re-collate whole.</param>
/// <param name="Refs">Entities to re-collate, per type (never a type of <paramref name="WholeTypes"/>).</param>
internal sealed record SearchWork(IReadOnlySet<string> WholeTypes, Dictionary<string, List<string>> Refs);
