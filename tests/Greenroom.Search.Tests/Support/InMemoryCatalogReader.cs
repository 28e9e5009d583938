using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Greenroom.Plugins.Catalog;

namespace Greenroom.Search.Tests.Support;

/// <summary>An <see cref="ICatalogReader"/> over entities held in memory, changed by tests.</summary>
public sealed class InMemoryCatalogReader : ICatalogReader
{
    private readonly ConcurrentDictionary<string, CatalogEntity> _entities = new(StringComparer.Ordinal);

    public string Put(string kind, string name, object? metadata = null, object? spec = null, string ns = "default")
    {
        var entityRef = $"{kind.ToLowerInvariant()}:{ns.ToLowerInvariant()}/{name.ToLowerInvariant()}";
        var meta = JsonSerializer.SerializeToNode(metadata ?? new { })!.AsObject();
        meta["name"] = name;
        meta["namespace"] = ns;
        var json = JsonSerializer.Serialize(new { apiVersion = "backstage.io/v1alpha1", kind, metadata = meta, spec = spec ?? new { } });
        _entities[entityRef] = new CatalogEntity(entityRef, Guid.NewGuid().ToString(), json);
        return entityRef;
    }

    public void PutRaw(string entityRef, string json) => _entities[entityRef] = new CatalogEntity(entityRef, Guid.NewGuid().ToString(), json);

    public void Remove(string entityRef) => _entities.TryRemove(entityRef, out _);

    public Task<CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult(_entities.GetValueOrDefault(entityRef.ToLowerInvariant()));

    public async IAsyncEnumerable<CatalogEntity> ReadEntitiesAsync(string? kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entity in _entities.Values.OrderBy(e => e.EntityRef, StringComparer.Ordinal))
        {
            await Task.Yield();
            if (kind is null || entity.EntityRef.StartsWith(kind.ToLowerInvariant() + ":", StringComparison.Ordinal))
            {
                yield return entity;
            }
        }
    }
}
