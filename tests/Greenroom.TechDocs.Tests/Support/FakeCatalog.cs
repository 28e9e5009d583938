using System.Runtime.CompilerServices;
using System.Text.Json;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;

namespace Greenroom.TechDocs.Tests.Support;

/// <summary>An <see cref="ICatalogReader"/> over a dictionary, with a helper that writes entity JSON as the catalog would.</summary>
internal sealed class FakeCatalog : ICatalogReader
{
    public Dictionary<string, CatalogEntity> Entities { get; } = [];

    public void Add(string name, string? techDocsRef, string managedByLocation, string? origin = null, string kind = "Component")
    {
        var annotations = new Dictionary<string, string> { ["backstage.io/managed-by-location"] = managedByLocation };
        if (origin is not null)
        {
            annotations["backstage.io/managed-by-origin-location"] = origin;
        }

        if (techDocsRef is not null)
        {
            annotations["backstage.io/techdocs-ref"] = techDocsRef;
        }

        var entityRef = $"{kind.ToLowerInvariant()}:default/{name}";
        var json = JsonSerializer.Serialize(new
        {
            apiVersion = "backstage.io/v1alpha1",
            kind,
            metadata = new { name, @namespace = "default", title = name.ToUpperInvariant(), annotations },
            spec = new { type = "service" },
        });
        Entities[entityRef] = new CatalogEntity(entityRef, Guid.NewGuid().ToString(), json);
    }

    public Task<CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult(Entities.GetValueOrDefault(entityRef.ToLowerInvariant()));

    public async IAsyncEnumerable<CatalogEntity> ReadEntitiesAsync(string? kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entity in Entities.Values.OrderBy(e => e.EntityRef, StringComparer.Ordinal))
        {
            yield return entity;
        }
    }
}

/// <summary>Records what the builder tells search.</summary>
internal sealed class RecordingSearchQueue : ISearchIndexQueue
{
    public List<(string Type, string EntityRef)> Changes { get; } = [];

    public void DocumentsChanged(string type, string entityRef) => Changes.Add((type, entityRef));
}
