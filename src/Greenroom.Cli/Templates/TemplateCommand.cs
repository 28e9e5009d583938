using System.CommandLine;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Cli.Reporting;
using Greenroom.Cli.Validation;

namespace Greenroom.Cli.Templates;

/// <summary>
/// <c>greenroom template run &lt;template.yaml&gt; --values &lt;file&gt; --out &lt;dir&gt;</c>: tries a software template
/// locally. The inputs are checked here; rendering is the <see cref="ITemplateRunner"/>'s.
/// </summary>
internal static class TemplateCommand
{
    private const string TemplateApiVersion = "scaffolder.backstage.io/v1beta3";

    public static Command Create(CliEnvironment environment)
    {
        var template = new Argument<string>("template") { Description = "The template.yaml holding one Template entity" };
        var values = new Option<string>("--values")
        {
            HelpName = "file",
            Description = "YAML or JSON file with the parameter values (what the form would submit)",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            HelpName = "dir",
            Description = "Folder to write the result to; it must not exist or be empty",
            Required = true,
        };
        var run = new Command("run", "Run a software template locally and write what it produces to a folder.") { template, values, output };
        run.SetAction((result, cancellationToken) => RunAsync(
            environment.FullPath(result.GetValue(template)!),
            environment.FullPath(result.GetValue(values)!),
            environment.FullPath(result.GetValue(output)!),
            environment,
            cancellationToken));
        return new Command("template", "Work with software templates (scaffolder.backstage.io/v1beta3).") { run };
    }

    private static async Task<int> RunAsync(string templateFile, string valuesFile, string outputDirectory, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var writer = new TextFindingWriter(environment.Out);
        var problems = new List<Finding>();
        var template = await ReadTemplateAsync(templateFile, environment, problems, cancellationToken).ConfigureAwait(false);
        var parameterValues = await ReadValuesAsync(valuesFile, environment, problems, cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
        {
            problems.Add(Problem(environment.DisplayPath(outputDirectory), "The output folder is not empty; choose a new or empty folder so nothing is overwritten"));
        }
        else if (File.Exists(outputDirectory))
        {
            problems.Add(Problem(environment.DisplayPath(outputDirectory), "The output path is a file; choose a new or empty folder"));
        }

        if (problems.Count > 0 || template is null || parameterValues is null)
        {
            problems.ForEach(writer.Write);
            return 1;
        }

        var request = new TemplateRunRequest(templateFile, template, parameterValues, outputDirectory);
        return await environment.TemplateRunner.RunAsync(request, environment.Out, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> ReadTemplateAsync(string path, CliEnvironment environment, List<Finding> problems, CancellationToken cancellationToken)
    {
        var display = environment.DisplayPath(path);
        if (!File.Exists(path))
        {
            problems.Add(Problem(display, "No such file"));
            return null;
        }

        var parser = new DescriptorParser(DescriptorLimits.Default);
        var validator = new DescriptorFileValidator(parser, new EntityValidator(), new LocalPlaceholderResolver(parser, environment), environment);
        var report = await validator.ValidateAsync(new DescriptorFile(path, Path.GetDirectoryName(path)!, Named: true), cancellationToken).ConfigureAwait(false);
        problems.AddRange(report.Findings);
        if (report.Findings.Count > 0)
        {
            return null;
        }

        if (report.Entities is not [var only])
        {
            problems.Add(Problem(display, $"Expected exactly one entity (a Template), found {report.Entities.Count}"));
            return null;
        }

        if (only.Ref.Kind != "Template" || (string?)only.Entity["apiVersion"] != TemplateApiVersion)
        {
            problems.Add(new Finding(FindingSeverity.Error, display, only.Line, only.Column,
                $"Expected a Template of apiVersion {TemplateApiVersion}, found {only.Ref.Kind} of apiVersion {(string?)only.Entity["apiVersion"]}", "kind"));
            return null;
        }

        return only.Entity;
    }

    private static async Task<JsonObject?> ReadValuesAsync(string path, CliEnvironment environment, List<Finding> problems, CancellationToken cancellationToken)
    {
        var display = environment.DisplayPath(path);
        var parser = new DescriptorParser(DescriptorLimits.Default);
        if (!File.Exists(path))
        {
            problems.Add(Problem(display, "No such file"));
            return null;
        }

        if (new FileInfo(path).Length > parser.Limits.MaxFileBytes)
        {
            problems.Add(Problem(display, $"The file is larger than the limit of {parser.Limits.MaxFileBytes} bytes (MaxFileBytes); it was not read"));
            return null;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problem(display, $"The file could not be read: {exception.Message}"));
            return null;
        }

        var parsed = parser.ParseValue(text, display);
        if (parsed.Problem is { } problem)
        {
            problems.Add(new Finding(FindingSeverity.Error, display, problem.Line, problem.Column, problem.Message, problem.Field));
            return null;
        }

        if (parsed.Value is not JsonObject values)
        {
            problems.Add(new Finding(FindingSeverity.Error, display, 1, 1, "The values must be a mapping of parameter names to values"));
            return null;
        }

        return values;
    }

    private static Finding Problem(string file, string message) => new(FindingSeverity.Error, file, null, null, message);
}
