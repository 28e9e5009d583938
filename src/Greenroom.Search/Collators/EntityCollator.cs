using System.Runtime.CompilerServices;
using System.Text.Json;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Microsoft.Extensions.Logging;

namespace Greenroom.Search.Collators;

/// <summary>
/// A collator that makes at most one document per catalog entity, reading through <see cref="ICatalogReader"/>.
/// An entity whose JSON cannot be read is logged and left out rather than failing the whole collation.
/// </summary>
internal abstract partial class EntityCollator(ICatalogReader reader, ILogger logger) : ISearchCollator
{
    public abstract string Type { get; }

    /// <summary>The kind to read, or null for all.</summary>
    protected abstract string? Kind { get; }

    public async IAsyncEnumerable<SearchDocument> CollateAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in reader.ReadEntitiesAsync(Kind, cancellationToken).ConfigureAwait(false))
        {
            if (Collate(entity) is { } document)
            {
                yield return document;
            }
        }
    }

    public async IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A ref names its kind: refs of other kinds have no document here and need no read.
        if (Kind is not null && !entityRef.StartsWith(Kind + ":", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var entity = await reader.GetEntityAsync(entityRef, cancellationToken).ConfigureAwait(false);
        if (entity is not null && Collate(entity) is { } document)
        {
            yield return document;
        }
    }

    /// <summary>The document of <paramref name="entity"/>, or null when this collator has none for it.</summary>
    protected abstract SearchDocument? ToDocument(CatalogEntity entity, EntitySummary summary);

    private SearchDocument? Collate(CatalogEntity entity)
    {
        try
        {
            var summary = EntitySummary.From(entity);
            if (summary is null || (Kind is not null && !summary.Kind.Equals(Kind, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return ToDocument(entity, summary);
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, Type, entity.EntityRef, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search collator {Type} skipped {EntityRef}: its JSON is unreadable ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string type, string entityRef, string error);
}
