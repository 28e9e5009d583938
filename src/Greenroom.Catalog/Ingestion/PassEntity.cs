using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Ingestion;

/// <summary>One entity document read during a pass: processed when valid, or with the problems that failed it.</summary>
/// <param name="EntityRef">Lower-cased ref key, or null when the document names no kind and name.</param>
/// <param name="Entity">
/// The entity (processed when valid; as read when failed), or null when the pass was read for ingestion: then the tree
/// is dropped as soon as the entity is processed and <paramref name="Prepared"/> holds what the batch needs.
/// </param>
/// <param name="Source">The file or URL it came from.</param>
/// <param name="ContentHash">Hash of the entity and its source, for change detection.</param>
/// <param name="Problems">Why it failed (positions filled in); empty when valid.</param>
/// <param name="Prepared">For an ingestion read: the batch form of a valid entity whose hash differs from the stored one.</param>
internal sealed record PassEntity(
    string? EntityRef,
    JsonObject? Entity,
    SourceAddress Source,
    string ContentHash,
    IReadOnlyList<CatalogProblem> Problems,
    PreparedEntity? Prepared = null)
{
    /// <summary>Whether processing failed.</summary>
    public bool Failed => Problems.Count > 0;
}

/// <summary>Everything one root location yielded on a pass, in a stable order (first-seen wins on duplicates).</summary>
/// <param name="Entities">
/// Every entity document, in reading order (breadth-first over nested locations, file order within); empty when the pass
/// handed its entities over in parts as it read them.
/// </param>
/// <param name="Problems">Every problem met, entity failures included.</param>
/// <param name="KeepSources">Sources that could not be read or parsed: their entities must not be orphaned.</param>
/// <param name="RootUnreadable">True when nothing at all could be read.</param>
/// <param name="FilesRead">Files or URLs read.</param>
/// <param name="FilesReused">Files whose content was unchanged since the last pass, so their processing result was reused.</param>
internal sealed record PassResult(
    IReadOnlyList<PassEntity> Entities,
    IReadOnlyList<CatalogProblem> Problems,
    IReadOnlyCollection<string> KeepSources,
    bool RootUnreadable,
    int FilesRead,
    int FilesReused = 0)
{
    /// <summary>Entity documents read, whether kept in <see cref="Entities"/> or handed over in parts.</summary>
    public int DocumentsRead { get; init; }
}
