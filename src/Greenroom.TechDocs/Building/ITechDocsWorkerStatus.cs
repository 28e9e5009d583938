namespace Greenroom.TechDocs.Building;

/// <summary>What the background docs worker is doing, for health output; cheap to read.</summary>
public interface ITechDocsWorkerStatus
{
    /// <summary>
    /// <c>waiting-for-catalog</c> (it starts once the catalog's first sync is done), <c>sweeping</c> (checking every
    /// documented entity), <c>building</c> or <c>idle</c>.
    /// </summary>
    string State { get; }

    /// <summary>Entities waiting for a build or check.</summary>
    int Pending { get; }
}
