using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// Validates an entity exactly as Backstage does: envelope, metadata naming rules, and the per-kind spec schema.
/// Every problem names the field path (<c>metadata.name</c>, <c>spec.owner</c>).
/// </summary>
public sealed class EntityValidator(CatalogRules rules)
{
    /// <summary>The rules in force.</summary>
    public CatalogRules Rules { get; } = rules;

    /// <summary>All problems with <paramref name="entity"/>; empty when it is valid. Problems carry Field but no file position.</summary>
    public IReadOnlyList<CatalogProblem> Validate(JsonObject entity) => throw new NotImplementedException();
}
