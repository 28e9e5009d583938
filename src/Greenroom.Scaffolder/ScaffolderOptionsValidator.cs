using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder;

/// <summary>Checks <see cref="ScaffolderOptions"/> at start, one message per problem.</summary>
internal sealed class ScaffolderOptionsValidator : IValidateOptions<ScaffolderOptions>
{
    public ValidateOptionsResult Validate(string? name, ScaffolderOptions options)
    {
        var problems = new List<string>();
        if (options.MaxWorkspaceBytes <= 0)
        {
            problems.Add("Greenroom:Scaffolder:MaxWorkspaceBytes must be positive.");
        }

        if (options.MaxWorkspaceFiles <= 0)
        {
            problems.Add("Greenroom:Scaffolder:MaxWorkspaceFiles must be positive.");
        }

        if (options.MaxFileBytes <= 0)
        {
            problems.Add("Greenroom:Scaffolder:MaxFileBytes must be positive.");
        }

        if (options.StepTimeout <= TimeSpan.Zero)
        {
            problems.Add("Greenroom:Scaffolder:StepTimeout must be positive (for example 00:05:00).");
        }

        if (options.MaxConcurrentTasks < 1)
        {
            problems.Add("Greenroom:Scaffolder:MaxConcurrentTasks must be at least 1.");
        }

        problems.AddRange(options.LocalGitRoots.Where(r => !Path.IsPathRooted(r))
            .Select(r => $"Greenroom:Scaffolder:LocalGitRoots entry '{r}' must be an absolute path."));
        problems.AddRange(options.AllowedGitRemotes.Where(r => !r.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .Select(r => $"Greenroom:Scaffolder:AllowedGitRemotes entry '{r}' must start with https://."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
