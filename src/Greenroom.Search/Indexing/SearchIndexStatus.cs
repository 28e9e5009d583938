namespace Greenroom.Search.Indexing;

/// <summary>What the indexer is doing, for health output and for tests that wait for it.</summary>
/// <param name="State"><c>starting</c>, <c>building</c> (full build), <c>updating</c> or <c>idle</c>.</param>
/// <param name="Documents">Documents the index holds.</param>
/// <param name="Pending">Changed (type, entity) pairs waiting.</param>
/// <param name="LastBuild">The last full build, if one ran since start.</param>
public sealed record SearchIndexStatus(string State, long Documents, int Pending, SearchBuildReport? LastBuild)
{
    /// <summary>True when nothing waits and nothing runs.</summary>
    public bool Idle => State == "idle" && Pending == 0;
}

/// <summary>How a full build went.</summary>
public sealed record SearchBuildReport(long Documents, long ElapsedMilliseconds, long DocumentsPerSecond, DateTimeOffset FinishedAt);
