using System.CommandLine;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Cli.Reporting;

namespace Greenroom.Cli.Validation;

/// <summary>
/// <c>greenroom validate &lt;files|folders...&gt;</c>: parses and validates catalog descriptors as the server would,
/// prints every problem with its file, line and column, and exits with 1 when there is any.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Descriptor files, or folders to search for them",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text: file:line:col: error: message lines; github: GitHub Actions annotations",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github");
        var include = new Option<string[]>("--include")
        {
            HelpName = "glob",
            Description = $"Glob of files to validate in folders, relative to each folder (repeatable; default: {string.Join(", ", DescriptorFileFinder.DefaultInclude)})",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            HelpName = "glob",
            Description = $"Glob of files or folders to leave out (repeatable; always left out: {string.Join(", ", DescriptorFileFinder.DefaultExclude)})",
        };
        var allowKind = new Option<string[]>("--allow-kind")
        {
            HelpName = "kind",
            Description = "Accept this kind besides the built-in ones, like the catalog's Rules setting (repeatable; * for any)",
        };
        var allowApiVersion = new Option<string[]>("--allow-api-version")
        {
            HelpName = "apiVersion",
            Description = "Accept this apiVersion for any kind, like the catalog's Rules setting (repeatable; * for any)",
        };

        var command = new Command("validate", "Validate catalog descriptor files (catalog-info.yaml) as the Greenroom catalog would.")
        {
            paths, format, include, exclude, allowKind, allowApiVersion,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var request = new ValidateRequest(
                result.GetValue(paths) ?? [],
                Or(result.GetValue(include), DescriptorFileFinder.DefaultInclude),
                [.. DescriptorFileFinder.DefaultExclude, .. result.GetValue(exclude) ?? []],
                new CatalogRules { AllowedKinds = result.GetValue(allowKind) ?? [], AllowedApiVersions = result.GetValue(allowApiVersion) ?? [] },
                result.GetValue(format) == "github" ? ReportFormat.GitHub : ReportFormat.Text);
            return RunAsync(request, environment, cancellationToken);
        });
        return command;
    }

    /// <summary>Validates what <paramref name="request"/> names, writes the findings and summary, and returns the exit code.</summary>
    public static async Task<int> RunAsync(ValidateRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // The server's defaults: a file that passes here passes there unless the server's limits were changed.
        var parser = new DescriptorParser(DescriptorLimits.Default);
        var validator = new DescriptorFileValidator(parser, new EntityValidator(request.Rules), new LocalPlaceholderResolver(parser, environment), environment);
        var (files, findings) = new DescriptorFileFinder(environment, request.Include, request.Exclude).Find(request.Paths);

        var all = new List<Finding>(findings);
        var reports = new List<FileReport>();
        foreach (var file in files)
        {
            var report = await validator.ValidateAsync(file, cancellationToken).ConfigureAwait(false);
            reports.Add(report);
            all.AddRange(report.Findings);
        }

        all.AddRange(DuplicateEntityCheck.Find(reports.SelectMany(report => report.Entities)));

        IFindingWriter writer = request.Format == ReportFormat.GitHub ? new GitHubFindingWriter(environment.Out) : new TextFindingWriter(environment.Out);
        foreach (var finding in all)
        {
            writer.Write(finding);
        }

        var errors = all.Where(finding => finding.Severity == FindingSeverity.Error).ToList();
        writer.WriteSummary(new ValidationSummary(
            reports.Count(report => !report.Skipped),
            reports.Sum(report => report.Entities.Count),
            errors.Count,
            errors.Select(error => error.File).Distinct(StringComparer.Ordinal).Count(),
            reports.Count(report => report.Skipped)));
        return errors.Count == 0 ? 0 : 1;
    }

    private static IReadOnlyList<string> Or(string[]? given, IReadOnlyList<string> defaults) => given is { Length: > 0 } ? given : defaults;
}
