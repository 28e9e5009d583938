namespace Greenroom.Search.Indexing;

/// <summary>What the indexer is doing, for health output and for tests that wait for it.</summary>
/// <param name="State">
/// <c>waiting-for-catalog</c> (the index is opened once the catalog's first sync is done; queries open it earlier on
/// first use), <c>building</c> (full build), <c>updating</c> or <c>idle</c>.
/// </param>
/// <param name="Documents">Documents the index holds.</param>
/// <param name="Pending">Changes waiting.</param>
/// <param name="LastBuild">The last full build, if one ran since start.</param>
public sealed record SearchIndexStatus(string State, long Documents, int Pending, SearchBuildReport? LastBuild)
{
    /// <summary>The state before the catalog's first sync is done.</summary>
    public const string Waiting = "waiting-for-catalog";

    /// <summary>The state with nothing to do.</summary>
    public const string IdleState = "idle";

    /// <summary>True when nothing waits and nothing runs.</summary>
    public bool Idle => State == IdleState && Pending == 0;
}

/// <summary>How a full build went.</summary>
public sealed record SearchBuildReport(long Documents, long ElapsedMilliseconds, long DocumentsPerSecond, DateTimeOffset FinishedAt);
