using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Options;

/// <summary>Checks <see cref="ReadingOptions"/> at start, naming the exact configuration key at fault.</summary>
internal sealed class ReadingOptionsValidator : IValidateOptions<ReadingOptions>
{
    private const string Prefix = ReadingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ReadingOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            if (!Locations.HostAllowList.IsValidPattern(options.AllowedHosts[i]))
            {
                failures.Add($"{Prefix}:AllowedHosts:{i} must be a host (example.com), a wildcard host (*.example.com) or host:port, got '{options.AllowedHosts[i]}'");
            }
        }

        Positive(options.MaxFileBytes, "MaxFileBytes");
        Positive(options.MaxDocuments, "MaxDocuments");
        Positive(options.MaxAliasExpansions, "MaxAliasExpansions");
        Positive(options.MaxAliasCopiedNodes, "MaxAliasCopiedNodes");
        Positive(options.MaxDepth, "MaxDepth");
        Positive(options.MaxLocationDepth, "MaxLocationDepth");
        Positive(options.MaxFilesPerLocation, "MaxFilesPerLocation");
        if (options.HttpTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}:HttpTimeout must be a positive time span, got '{options.HttpTimeout}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(long value, string key)
        {
            if (value <= 0)
            {
                failures.Add($"{Prefix}:{key} must be a positive number, got {value}");
            }
        }
    }
}
