using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Cli.Validation;

/// <summary>
/// Checks that each relative file target of a Location entity (<c>./apis/orders.yaml</c>) exists inside the folder
/// being validated, as the catalog would require when it follows the Location. URLs and globs are left to the catalog:
/// a URL is not fetched here, and a glob that matches nothing is not an error there either.
/// </summary>
internal sealed class LocationTargetCheck(CliEnvironment environment)
{
    private static readonly char[] GlobCharacters = ['*', '?', '[', '{'];

    /// <summary>A problem (naming the field) for every missing or escaping target of <paramref name="document"/>'s Location.</summary>
    public IEnumerable<CatalogProblem> Check(DescriptorDocument document, DescriptorFile file)
    {
        if (!string.Equals(EntityFields.StringAt(document.Entity, "kind"), "Location", StringComparison.OrdinalIgnoreCase)
            || document.Entity["spec"] is not JsonObject spec
            || EntityFields.StringAt(spec, "type") is not (null or "file"))
        {
            yield break;
        }

        foreach (var (field, target) in Targets(spec))
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && !uri.IsFile || target.IndexOfAny(GlobCharacters) >= 0)
            {
                continue;
            }

            var full = Path.GetFullPath(target, Path.GetDirectoryName(file.FullPath)!);
            if (!FolderContainment.IsInside(full, file.Root))
            {
                yield return new CatalogProblem($"Location target '{target}' is outside the folder being validated ({environment.DisplayPath(file.Root)})", Field: field);
            }
            else if (!File.Exists(full))
            {
                yield return new CatalogProblem($"Location target '{target}' does not exist (looked for {environment.DisplayPath(full)})", Field: field);
            }
        }
    }

    private static IEnumerable<(string Field, string Target)> Targets(JsonObject spec)
    {
        if (EntityFields.StringAt(spec, "target") is { } single)
        {
            yield return ("spec.target", single);
        }

        if (spec["targets"] is JsonArray many)
        {
            for (var i = 0; i < many.Count; i++)
            {
                if (many[i] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    yield return ($"spec.targets[{i}]", text);
                }
            }
        }
    }
}
