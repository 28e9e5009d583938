namespace Greenroom.Search.Indexing;

/// <summary>Reads the indexer's status (for <c>/api/greenroom/search/status</c> and health output).</summary>
public interface ISearchStatus
{
    /// <summary>What the indexer is doing (see <see cref="SearchIndexStatus.State"/>); cheap, and never opens the index.</summary>
    string State { get; }

    /// <summary>The current status (opens the index if nothing has yet).</summary>
    Task<SearchIndexStatus> GetAsync(CancellationToken cancellationToken);
}
