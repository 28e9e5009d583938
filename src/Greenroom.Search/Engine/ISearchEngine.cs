using Greenroom.Plugins.Search;

namespace Greenroom.Search.Engine;

/// <summary>
/// A full-text index of <see cref="SearchDocument"/>s. The embedded engine is Lucene.Net on local disk; a shared engine
/// (PostgreSQL full text) can serve several replicas behind the same contract.
/// </summary>
public interface ISearchEngine
{
    /// <summary>
    /// True when the index has to be built from the collators before it answers correctly: it was missing, corrupt,
    /// written by another schema version, or its last full build did not finish.
    /// </summary>
    Task<bool> NeedsFullBuildAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole index with <paramref name="documents"/>; readers see the old index until it is done.</summary>
    /// <returns>The number of documents indexed.</returns>
    Task<long> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>Replaces every document of <paramref name="type"/> with <paramref name="documents"/> in one commit.</summary>
    /// <returns>The number of documents indexed.</returns>
    Task<long> ReplaceTypeAsync(string type, IAsyncEnumerable<SearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Replaces the documents of each (type, entity) pair with the given ones (none deletes them), in one commit.</summary>
    Task UpdateAsync(IReadOnlyCollection<SearchUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Runs a query. Throws <see cref="SearchQueryException"/> for a bad cursor or page beyond the result window.</summary>
    Task<SearchResultPage> QueryAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>A few documents whose title or name starts like <paramref name="term"/>, best first, for as-you-type suggestions.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string term, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken);

    /// <summary>How many documents the index holds (as readers see it).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>The current documents of one entity for one type; an empty list removes that entity's documents of the type.</summary>
/// <param name="Type">The document type.</param>
/// <param name="EntityRef">The entity (lower-cased ref key).</param>
/// <param name="Documents">Its documents of <paramref name="Type"/>.</param>
public sealed record SearchUpdate(string Type, string EntityRef, IReadOnlyList<SearchDocument> Documents);
