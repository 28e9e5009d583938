using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// Validates an entity exactly as Backstage does: envelope, metadata naming rules, and the per-kind spec schema.
/// Every problem names the field path (<c>metadata.name</c>, <c>spec.owner</c>). Unlike Backstage, which stops at the
/// first failure, all problems are reported at once.
/// </summary>
public sealed class EntityValidator(CatalogRules rules)
{
    /// <summary>A validator accepting only the built-in kinds.</summary>
    public EntityValidator()
        : this(CatalogRules.BuiltInOnly)
    {
    }

    /// <summary>The rules in force.</summary>
    public CatalogRules Rules { get; } = rules;

    /// <summary>All problems with <paramref name="entity"/>; empty when it is valid. Problems carry Field but no file position.</summary>
    public IReadOnlyList<CatalogProblem> Validate(JsonObject entity) => Validate(entity, out _);

    /// <summary>
    /// As <see cref="Validate(JsonObject)"/>; when the entity is valid, <paramref name="relations"/> are the relations
    /// it originates if validating derived them (what <see cref="RelationDeriver.Derive(JsonObject, EntityRef)"/>
    /// gives), so a caller need not derive them again; null when they were not derived (a kind or apiVersion outside
    /// the built-in schemas) or the entity is invalid.
    /// </summary>
    public IReadOnlyList<CatalogProblem> Validate(JsonObject entity, out IReadOnlyList<EntityRelation>? relations)
    {
        ArgumentNullException.ThrowIfNull(entity);
        relations = null;
        var problems = new ProblemCollector();
        var (apiVersion, kind) = EnvelopeValidator.Validate(entity, problems);
        if (apiVersion is not null && kind is not null)
        {
            relations = ValidateKind(entity, apiVersion, kind, problems);
        }

        if (problems.Problems.Count > 0)
        {
            relations = null;
        }

        return problems.Problems;
    }

    /// <summary>Validates the spec; returns the relations derived while doing so, or null when none were.</summary>
    private IReadOnlyList<EntityRelation>? ValidateKind(JsonObject entity, string apiVersion, string kind, ProblemCollector problems)
    {
        var apiVersionAllowed = IsAllowed(Rules.AllowedApiVersions, apiVersion, StringComparison.Ordinal);
        if (BuiltInKinds.All.TryGetValue(kind, out var schema))
        {
            if (schema.ApiVersions.Contains(apiVersion))
            {
                var before = problems.Problems.Count;
                SpecValidator.Validate(entity, schema, problems);
                if (problems.Problems.Count == before && EntityFields.RefOf(entity) is { } self)
                {
                    // Backstage's processor fails an entity whose reference fields cannot be parsed (a dependsOn
                    // entry without a kind, say); reporting it here names the field before any relation is stored.
                    return RelationDeriver.Derive(entity, self, problems.Problems);
                }
            }
            else if (!apiVersionAllowed)
            {
                problems.Add("apiVersion", $"Unsupported apiVersion \"{apiVersion}\" for kind {kind}; expected one of {string.Join(", ", schema.ApiVersions)}, or allow it in the catalog rules");
            }

            return null;
        }

        if (IsAllowed(Rules.AllowedKinds, kind, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var builtIn = BuiltInKinds.All.Keys.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
        var hint = builtIn is null
            ? $"built-in kinds are {string.Join(", ", BuiltInKinds.All.Keys)}; allow other kinds in the catalog rules"
            : $"kinds are case-sensitive: did you mean {builtIn}?";
        problems.Add("kind", $"Unsupported kind \"{kind}\" (apiVersion \"{apiVersion}\"); {hint}");
        return null;
    }

    private static bool IsAllowed(IReadOnlyList<string> allowed, string value, StringComparison comparison)
    {
        foreach (var item in allowed)
        {
            if (item == "*" || string.Equals(item, value, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
