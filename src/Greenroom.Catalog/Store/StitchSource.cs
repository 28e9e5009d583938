using System.Text;
using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Catalog.Store;

/// <summary>Everything needed to compute one entity's final form.</summary>
/// <param name="EntityRef">Lower-cased ref key.</param>
/// <param name="Uid">The entity's stable uid (assigned on first insert).</param>
/// <param name="LocationId">The location that owns it.</param>
/// <param name="ProcessedUtf8">The processed entity as UTF-8 JSON (as stored: stitching parses it without a string).</param>
/// <param name="ErrorsJson">JSON array of status items from processing.</param>
/// <param name="IsOrphan">True when its location no longer produces it.</param>
/// <param name="Relations">Every relation whose source is this entity, from whichever entity originated it.</param>
/// <param name="PreviousFinalJson">The final form currently stored, or null when never stitched.</param>
/// <param name="PreviousFinalHash">The hash of that final form, or null.</param>
public sealed record StitchSource(
    string EntityRef,
    string Uid,
    Guid LocationId,
    ReadOnlyMemory<byte> ProcessedUtf8,
    string ErrorsJson,
    bool IsOrphan,
    IReadOnlyList<EntityRelation> Relations,
    string? PreviousFinalJson,
    string? PreviousFinalHash)
{
    /// <summary>A stitch source whose processed entity is given as a string.</summary>
    public StitchSource(
        string entityRef,
        string uid,
        Guid locationId,
        string processedJson,
        string errorsJson,
        bool isOrphan,
        IReadOnlyList<EntityRelation> relations,
        string? previousFinalJson,
        string? previousFinalHash)
        : this(entityRef, uid, locationId, Encoding.UTF8.GetBytes(processedJson), errorsJson, isOrphan, relations, previousFinalJson, previousFinalHash)
    {
    }

    /// <summary>The processed entity as a string.</summary>
    public string ProcessedJson
    {
        get => Encoding.UTF8.GetString(ProcessedUtf8.Span);
        init => ProcessedUtf8 = Encoding.UTF8.GetBytes(value);
    }
}

/// <summary>A stitched entity ready to store.</summary>
/// <param name="EntityRef">Lower-cased ref key.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="FinalUtf8">The final entity as served by the API (uid, etag, relations, status), UTF-8 JSON as stored.</param>
/// <param name="FinalHash">Hash of the final form (also its etag).</param>
/// <param name="SearchRows">Flattened lower-cased key/value rows that filters, ordering, facets and full text run on.</param>
/// <param name="History">The change to record.</param>
public sealed record FinalEntity(
    string EntityRef,
    string Uid,
    ReadOnlyMemory<byte> FinalUtf8,
    string FinalHash,
    IReadOnlyList<SearchRow> SearchRows,
    HistoryRecord History)
{
    /// <summary>A stitched entity whose final form is given as a string.</summary>
    public FinalEntity(string entityRef, string uid, string finalJson, string finalHash, IReadOnlyList<SearchRow> searchRows, HistoryRecord history)
        : this(entityRef, uid, Encoding.UTF8.GetBytes(finalJson), finalHash, searchRows, history)
    {
    }

    /// <summary>The final entity as a string.</summary>
    public string FinalJson
    {
        get => Encoding.UTF8.GetString(FinalUtf8.Span);
        init => FinalUtf8 = Encoding.UTF8.GetBytes(value);
    }
}

/// <summary>
/// One filterable key/value of an entity: <see cref="Key"/> and <see cref="Value"/> lower-cased for matching,
/// <see cref="OriginalValue"/> as written (facets report it). Value null means "key exists with a non-scalar value".
/// </summary>
public sealed record SearchRow(string Key, string? Value, string? OriginalValue);

/// <summary>The history entry a stitch writes.</summary>
/// <param name="At">When the change was stitched.</param>
/// <param name="LocationId">The location that produced the change.</param>
/// <param name="Change">created, updated, orphaned, deleted.</param>
/// <param name="DiffJson">JSON array of changes <c>[{op, path, old, new}]</c> against the previous final form.</param>
public sealed record HistoryRecord(DateTimeOffset At, Guid? LocationId, string Change, string DiffJson);

/// <summary>A final entity as read back from the store.</summary>
public sealed record StoredEntity(string EntityRef, string Uid, string Json);

/// <summary>Totals across the catalog.</summary>
public sealed record CatalogCounts(int Entities, int Orphans, int EntitiesWithErrors, int Relations, int Locations);
