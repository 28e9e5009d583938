using Microsoft.Extensions.Options;

namespace Greenroom.TechDocs;

/// <summary>Checks <see cref="TechDocsOptions"/> at start, naming the key of each bad value.</summary>
internal sealed class TechDocsOptionsValidator : IValidateOptions<TechDocsOptions>
{
    public ValidateOptionsResult Validate(string? name, TechDocsOptions options)
    {
        const string Section = TechDocsOptions.SectionName;
        var failures = new List<string>();
        if (options.MaxFileBytes <= 0 || options.MaxFileBytes > int.MaxValue)
        {
            failures.Add($"{Section}:MaxFileBytes must be between 1 and {int.MaxValue}, got {options.MaxFileBytes}");
        }

        if (options.MaxPages <= 0)
        {
            failures.Add($"{Section}:MaxPages must be positive, got {options.MaxPages}");
        }

        if (options.MaxSiteBytes < options.MaxFileBytes)
        {
            failures.Add($"{Section}:MaxSiteBytes ({options.MaxSiteBytes}) must be at least MaxFileBytes ({options.MaxFileBytes})");
        }

        if (options.RebuildInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:RebuildInterval must be at least one second, got {options.RebuildInterval}");
        }

        if (options.HttpTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:HttpTimeout must be positive, got {options.HttpTimeout}");
        }

        failures.AddRange(options.AllowedHosts
            .Where(h => !DocsHostAllowList.IsValidPattern(h))
            .Select(h => $"{Section}:AllowedHosts entry '{h}' is not a host, *.host or host:port"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
