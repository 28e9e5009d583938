using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Cli.Reporting;

namespace Greenroom.Cli.Validation;

/// <summary>
/// Validates one descriptor file with the catalog's own parser, placeholder rules and validator, so a file that passes
/// here is accepted by the server with the same limits and rules. Every problem is placed at the line and column of the
/// field it names.
/// </summary>
internal sealed class DescriptorFileValidator(DescriptorParser parser, EntityValidator validator, LocalPlaceholderResolver placeholders, CliEnvironment environment)
{
    // Expressions of Backstage's scaffolder (${{ values.x }}) and of cookiecutter ({{ cookiecutter.x }}).
    private static readonly string[] TemplateMarkers = ["${{", "{{cookiecutter.", "{{ cookiecutter."];

    private readonly LocationTargetCheck _locations = new(environment);

    /// <summary>Reads, parses and validates <paramref name="file"/>.</summary>
    public async Task<FileReport> ValidateAsync(DescriptorFile file, CancellationToken cancellationToken)
    {
        var display = environment.DisplayPath(file.FullPath);
        string text;
        try
        {
            if (new FileInfo(file.FullPath).Length > parser.Limits.MaxFileBytes)
            {
                return new FileReport(file, [Error(new CatalogProblem(
                    $"The file is larger than the limit of {parser.Limits.MaxFileBytes} bytes (MaxFileBytes); it was not read", display, 1, 1))], []);
            }

            text = await File.ReadAllTextAsync(file.FullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new FileReport(file, [Error(new CatalogProblem($"The file could not be read: {exception.Message}", display))], []);
        }

        var parsed = parser.Parse(text, display);
        if (!file.Named && IsTemplateContent(text, parsed))
        {
            return new FileReport(file, [new Finding(FindingSeverity.Notice, display, null, null,
                "Skipped: it holds unrendered template expressions (a template's skeleton); name the file itself to validate it anyway")], [], Skipped: true);
        }

        var findings = parsed.Problems.Select(Error).ToList();
        var entities = new List<EntityLocation>();
        foreach (var document in parsed.Documents)
        {
            var problems = await placeholders.ResolveAsync(document.Entity, file, cancellationToken).ConfigureAwait(false);
            if (problems.Count == 0)
            {
                problems = validator.Validate(document.Entity);
            }

            if (problems.Count == 0)
            {
                problems = _locations.Check(document, file).ToList();
            }

            findings.AddRange(problems.Select(problem => Error(Locate(problem, document))));
            if (EntityFields.RefOf(document.Entity) is { } reference)
            {
                entities.Add(new EntityLocation(reference, document.Entity, display, document.Line, document.Column));
            }
        }

        return new FileReport(file, findings.OrderBy(f => f.Line ?? 0).ThenBy(f => f.Column ?? 0).ToList(), entities);
    }

    /// <summary>
    /// A file found in a folder that holds template expressions and no Template entity is a template's skeleton
    /// (<c>skeleton/catalog-info.yaml</c>): it becomes a descriptor only once rendered.
    /// </summary>
    private static bool IsTemplateContent(string text, DescriptorParseResult parsed) =>
        TemplateMarkers.Any(marker => text.Contains(marker, StringComparison.Ordinal))
        && !parsed.Documents.Any(document => EntityFields.StringAt(document.Entity, "kind") == "Template");

    private static CatalogProblem Locate(CatalogProblem problem, DescriptorDocument document)
    {
        if (problem.File is not null)
        {
            return problem;
        }

        var (line, column) = document.PositionOf(problem.Field);
        return problem with { File = document.File, Line = line, Column = column };
    }

    private static Finding Error(CatalogProblem problem) =>
        new(FindingSeverity.Error, problem.File ?? string.Empty, problem.Line, problem.Column, problem.Message, problem.Field);
}
