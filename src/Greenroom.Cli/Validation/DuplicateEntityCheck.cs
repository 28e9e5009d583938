using Greenroom.Cli.Reporting;

namespace Greenroom.Cli.Validation;

/// <summary>
/// Finds entities defined more than once among the validated files. The catalog would keep the first and put a
/// conflict error on the location of the second, so the second is reported here, pointing at the first.
/// </summary>
internal static class DuplicateEntityCheck
{
    /// <summary>An error for every entity after the first with the same ref (compared case-insensitively).</summary>
    public static IEnumerable<Finding> Find(IEnumerable<EntityLocation> entities)
    {
        var first = new Dictionary<string, EntityLocation>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            if (!first.TryAdd(entity.Ref.ToKey(), entity))
            {
                var original = first[entity.Ref.ToKey()];
                yield return new Finding(FindingSeverity.Error, entity.File, entity.Line, entity.Column,
                    $"{entity.Ref} is already defined at {original.File}:{original.Line}:{original.Column}; the catalog would keep that one and reject this one as a conflict");
            }
        }
    }
}
