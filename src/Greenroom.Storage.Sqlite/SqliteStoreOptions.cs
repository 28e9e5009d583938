namespace Greenroom.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite catalog store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file (the server passes <c>&lt;DataDirectory&gt;/greenroom.db</c>); its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>How long a statement waits for a lock held by another connection or process before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Open reader connections kept for reuse; more are opened under load and closed afterwards. Sized for 16 concurrent
    /// requests: opening a connection (and warming its page cache) costs far more than a query.
    /// </summary>
    public int MaxPooledReaders { get; set; } = 16;

    /// <summary>
    /// Size in bytes of a database page (a power of two from 512 to 65536), applied when the database file is created;
    /// an existing database keeps the size it was created with. 16 KiB rather than SQLite's 4 KiB: a processed or final
    /// entity (2-3 KB of JSON) then mostly fits in its leaf page instead of spilling into overflow pages, and the B-trees
    /// are shallower. A cold 100k ingestion ran 4 s faster with 5 s less CPU (docs/performance.md).
    /// </summary>
    public int PageSizeBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Page cache of the writer connection in KiB between bulk writes: enough for a pass's or a stitch's changes. A cold
    /// ingestion uses <see cref="BulkCacheSizeKiB"/> and returns to this when it ends.
    /// </summary>
    public int CacheSizeKiB { get; set; } = 16 * 1024;

    /// <summary>
    /// Page cache of the writer connection in KiB during bulk writes: a pass into an empty catalog and a bulk stitch
    /// (SQLite's default of 2 MiB is small for 100k entities).
    /// </summary>
    public int BulkCacheSizeKiB { get; set; } = 64 * 1024;

    /// <summary>
    /// Page cache of each reader connection in KiB. Readers find their pages in the operating system's file cache, so a
    /// small private cache costs a copy, not a disk read; a large one is held once per pooled reader (16 of them). 2 MiB
    /// (128 pages of 16 KiB): with 4 MiB the full 100k bench peaked at 496 MB RSS against 471 MB, at the same latencies.
    /// </summary>
    public int ReaderCacheSizeKiB { get; set; } = 2 * 1024;

    /// <summary>
    /// Query planning: a filter that may match more entities than this is read in index order, page by page; a
    /// narrower one is collected and sorted. Tuning only; every value gives the same results.
    /// </summary>
    public int BroadFilterThreshold { get; set; } = 2000;

    /// <summary>
    /// Stitching: a drain that starts with at least this many refs queued, and fewer final forms stored than half of
    /// them (a cold start), drops the filter index and builds it once at the end. 0 turns bulk stitching off. Tuning
    /// only; every value gives the same results.
    /// </summary>
    public int BulkStitchThreshold { get; set; } = 20_000;
}
