namespace Greenroom.Search;

/// <summary>Search settings, section <c>Greenroom:Search</c>.</summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom:Search";

    /// <summary>The folder of the on-disk index; the host defaults it to <c>search-index</c> in its data folder.</summary>
    public string? IndexPath { get; set; }

    /// <summary>Entities re-collated per index commit while following changes.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the indexer waits after a change for more to arrive before it indexes them together.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Longest the indexer keeps waiting while changes are still pouring in (a first ingestion or a mass change), so it
    /// indexes the flood once it settles instead of competing with the catalog for the cores throughout.
    /// </summary>
    public TimeSpan MaxSettleDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pending entities of one type from which the whole type is re-collated instead (a paged read of the catalog
    /// beats that many single-entity reads, as after a mass change). It also bounds memory: from this count on, the
    /// queue keeps a flag for the type instead of one entry per entity.
    /// </summary>
    public int FullCollationThreshold { get; set; } = 5000;

    /// <summary>
    /// Memory the index writer fills with new documents before it writes a segment, in MiB. Less saves memory during a
    /// full build at a cost in speed: 100k entities and 10k pages indexed at 6,730 documents/s with 64 and 4,389 with 32.
    /// </summary>
    public int IndexBufferMiB { get; set; } = 64;

    /// <summary>Longest accepted search term, in characters (Backstage's default is 100).</summary>
    public int MaxTermLength { get; set; } = 100;

    /// <summary>Results per page when the request names none.</summary>
    public int DefaultPageLimit { get; set; } = 25;

    /// <summary>Largest accepted <c>pageLimit</c> (Backstage's is 100).</summary>
    public int MaxPageLimit { get; set; } = 100;

    /// <summary>Deepest hit that paging reaches; deeper pages are refused with a request to refine the search.</summary>
    public int MaxResultWindow { get; set; } = 10_000;
}
