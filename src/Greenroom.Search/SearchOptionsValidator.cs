using Microsoft.Extensions.Options;

namespace Greenroom.Search;

/// <summary>Checks <see cref="SearchOptions"/> at start, naming the configuration key at fault.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    private const string Prefix = SearchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.IndexPath))
        {
            failures.Add($"{Prefix}:IndexPath must name a folder for the search index");
        }
        else if (!IsValidPath(options.IndexPath))
        {
            failures.Add($"{Prefix}:IndexPath '{options.IndexPath}' is not a valid path");
        }
        else if (File.Exists(options.IndexPath))
        {
            failures.Add($"{Prefix}:IndexPath '{options.IndexPath}' is a file, not a folder");
        }

        Positive(failures, "BatchSize", options.BatchSize);
        Positive(failures, "FullCollationThreshold", options.FullCollationThreshold);
        Positive(failures, "MaxTermLength", options.MaxTermLength);
        Positive(failures, "IndexBufferMiB", options.IndexBufferMiB);
        Positive(failures, "MaxPageLimit", options.MaxPageLimit);
        Positive(failures, "MaxResultWindow", options.MaxResultWindow);
        if (options.DefaultPageLimit < 1 || options.DefaultPageLimit > options.MaxPageLimit)
        {
            failures.Add($"{Prefix}:DefaultPageLimit must be between 1 and MaxPageLimit ({options.MaxPageLimit}), got {options.DefaultPageLimit}");
        }

        if (options.MaxSettleDelay < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}:MaxSettleDelay must not be negative, got '{options.MaxSettleDelay}'");
        }

        if (options.Debounce < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}:Debounce must not be negative, got '{options.Debounce}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, int value)
    {
        if (value < 1)
        {
            failures.Add($"{Prefix}:{key} must be a positive number, got {value}");
        }
    }

    private static bool IsValidPath(string path)
    {
        try
        {
            _ = Path.GetFullPath(path);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
