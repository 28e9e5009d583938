namespace Greenroom.Plugins.Search;

/// <summary>Produces the documents of one search type, all of them for a rebuild or one entity's for an update.</summary>
public interface ISearchCollator
{
    /// <summary>The document type this collator produces (<see cref="SearchDocument.Type"/>).</summary>
    string Type { get; }

    /// <summary>Every document of this type, for a full (re)build of the index.</summary>
    IAsyncEnumerable<SearchDocument> CollateAllAsync(CancellationToken cancellationToken);

    /// <summary>The current documents of one entity (none when it is gone): they replace that entity's documents.</summary>
    IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, CancellationToken cancellationToken);
}
