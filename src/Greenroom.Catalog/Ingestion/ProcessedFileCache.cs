using System.Collections.Concurrent;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// Per root location, what each self-contained file yielded on the last ingestion pass (its entities' refs and hashes,
/// its problems), keyed by a hash of the file's bytes: an idle pass then reads and hashes each file but parses none.
/// </summary>
/// <remarks>
/// Only files whose result depends on nothing but their text are kept: no placeholders (they read other files or URLs)
/// and no Location entities (their targets may be globs whose matches change). Held in memory only (a restart parses
/// everything once), and replaced wholesale by each pass, so files no longer read drop out.
/// </remarks>
internal sealed class ProcessedFileCache
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<SourceAddress, ProcessedFile>> _locations = new(StringComparer.Ordinal);

    /// <summary>The files remembered for root location <paramref name="origin"/> (type:target); empty when none.</summary>
    public IReadOnlyDictionary<SourceAddress, ProcessedFile> Get(string origin) =>
        _locations.TryGetValue(origin, out var files) ? files : EmptyFiles;

    /// <summary>Replaces what is remembered for <paramref name="origin"/> with the files of the pass just read.</summary>
    public void Replace(string origin, IReadOnlyDictionary<SourceAddress, ProcessedFile> files) => _locations[origin] = files;

    /// <summary>Forgets <paramref name="origin"/> (its location was removed).</summary>
    public void Forget(string origin) => _locations.TryRemove(origin, out _);

    private static readonly IReadOnlyDictionary<SourceAddress, ProcessedFile> EmptyFiles = new Dictionary<SourceAddress, ProcessedFile>();
}

/// <summary>What one file yielded, without entity trees.</summary>
/// <param name="TextHash">SHA-256 of the file's bytes as read.</param>
/// <param name="Entities">Its entities in compact form (no tree, nothing prepared).</param>
/// <param name="Problems">Every problem the file produced, entity failures included.</param>
/// <param name="KeepSource">Whether the file failed to parse (its stored entities must not be orphaned).</param>
internal sealed record ProcessedFile(byte[] TextHash, IReadOnlyList<PassEntity> Entities, IReadOnlyList<CatalogProblem> Problems, bool KeepSource);
