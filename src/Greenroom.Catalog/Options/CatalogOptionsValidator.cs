using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Options;

/// <summary>Checks <see cref="CatalogOptions"/> at start, naming the exact configuration key at fault.</summary>
internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    private const string Prefix = CatalogOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Locations.Count; i++)
        {
            var location = options.Locations[i];
            var problem = LocationTargetRules.Check(location.Type, location.Target);
            if (problem is not null)
            {
                failures.Add($"{Prefix}:Locations:{i}:{problem.Value.Key} {problem.Value.Message}");
            }
        }

        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}:RefreshInterval must be a positive time span such as 00:01:40, got '{options.RefreshInterval}'");
        }

        if (options.IngestionPartSize < 1)
        {
            failures.Add($"{Prefix}:IngestionPartSize must be at least 1, got {options.IngestionPartSize}");
        }

        for (var i = 0; i < options.Rules.Count; i++)
        {
            if (options.Rules[i].Allow.Any(string.IsNullOrWhiteSpace) || options.Rules[i].ApiVersions.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{Prefix}:Rules:{i} must not contain empty kinds or apiVersions");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
