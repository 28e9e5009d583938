namespace Greenroom.Catalog.Model.Problems;

/// <summary>
/// One thing wrong with a descriptor or entity, with everything needed to find it:
/// the file, line and column (1-based) where known, and the field path (e.g. <c>spec.owner</c>).
/// </summary>
public sealed record CatalogProblem(string Message, string? File = null, int? Line = null, int? Column = null, string? Field = null)
{
    /// <summary>A short machine-readable category, Backstage-style (<c>InputError</c>, <c>NotAllowedError</c>, <c>ConflictError</c>).</summary>
    public string Name { get; init; } = "InputError";

    /// <summary>The problem as one readable line: <c>file:line:column: field: message</c>.</summary>
    public override string ToString()
    {
        var where = File is null ? string.Empty : Line is null ? $"{File}: " : Column is null ? $"{File}:{Line}: " : $"{File}:{Line}:{Column}: ";
        var field = Field is null ? string.Empty : $"{Field}: ";
        return $"{where}{field}{Message}";
    }
}
