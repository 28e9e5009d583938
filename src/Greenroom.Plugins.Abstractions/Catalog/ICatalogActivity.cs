namespace Greenroom.Plugins.Catalog;

/// <summary>
/// What the catalog is busy with, so features that derive work from it (search indexing, docs builds) can leave the
/// cores to a first ingestion and catch up once it is done.
/// </summary>
public interface ICatalogActivity
{
    /// <summary>Whether the start-up sync and first full pass of every location have finished.</summary>
    bool InitialSyncDone { get; }
}
