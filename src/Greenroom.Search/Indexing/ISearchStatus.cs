namespace Greenroom.Search.Indexing;

/// <summary>Reads the indexer's status (for <c>/api/greenroom/search/status</c> and health output).</summary>
public interface ISearchStatus
{
    /// <summary>The current status.</summary>
    Task<SearchIndexStatus> GetAsync(CancellationToken cancellationToken);
}
