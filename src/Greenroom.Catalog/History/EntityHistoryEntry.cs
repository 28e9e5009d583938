namespace Greenroom.Catalog.History;

/// <summary>One recorded change to an entity's final form.</summary>
/// <param name="Sequence">Monotonic id of the entry.</param>
/// <param name="Uid">The entity uid.</param>
/// <param name="EntityRef">Its ref at the time.</param>
/// <param name="At">When.</param>
/// <param name="LocationId">The location that produced it, if any.</param>
/// <param name="Change">created, updated, orphaned, deleted.</param>
/// <param name="DiffJson">JSON array of <c>{op, path, old, new}</c>.</param>
public sealed record EntityHistoryEntry(long Sequence, string Uid, string EntityRef, DateTimeOffset At, Guid? LocationId, string Change, string DiffJson);
