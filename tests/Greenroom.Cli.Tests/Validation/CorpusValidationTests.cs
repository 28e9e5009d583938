namespace Greenroom.Cli.Tests.Validation;

/// <summary><c>greenroom validate</c> on the real Backstage files: what Backstage accepts passes, what it rejects fails at the right place.</summary>
public sealed class CorpusValidationTests
{
    private const string Examples = "backstage/packages/catalog-model/examples";

    [Fact]
    public async Task Backstage_example_catalog_validates_except_the_invalid_component_and_the_target_missing_from_the_corpus()
    {
        // AiResource and Environment need optional Backstage modules, hence allowed like a catalog rule would.
        var run = await CliRun.RunAsync(Corpus.Root,
            "validate", Examples, "--include", "**/*.yaml",
            "--exclude", "components/invalid-component.yaml", "--exclude", "**/*.oas.yaml",
            "--allow-kind", "AiResource", "--allow-kind", "Environment");

        // The corpus leaves out apis/swapi-graphql.yaml (see its SOURCES.md): the Location naming it is rightly reported.
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.Lines.Count);
        Assert.Equal(
            $"{Examples}/all-apis.yaml:15:7: error: Location target './apis/swapi-graphql.yaml' does not exist (looked for {Examples}/apis/swapi-graphql.yaml) (spec.targets[7])",
            run.Lines[0]);
        Assert.Matches(@"^\d{2} files, \d{2} entities: 1 error in 1 file$", run.Lines[1]);
    }

    [Fact]
    public async Task The_invalid_component_fails_at_its_name_and_tag()
    {
        var run = await CliRun.RunAsync(Corpus.Root, "validate", $"{Examples}/components/invalid-component.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.Lines.Count);
        Assert.StartsWith($"{Examples}/components/invalid-component.yaml:4:3: error: \"metadata.name\" is not valid", run.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(metadata.name)", run.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Examples}/components/invalid-component.yaml:11:7: error: \"metadata.tags[1]\" is not valid", run.Lines[1], StringComparison.Ordinal);
        Assert.Equal("1 file, 1 entity: 2 errors in 1 file", run.Lines[2]);
    }

    [Fact]
    public async Task Templates_the_demo_and_backstage_own_descriptor_validate()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(Corpus.Root, "software-templates", "scaffolder-templates"), "template.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Corpus.Root, path))
            .ToList();

        var run = await CliRun.RunAsync(Corpus.Root,
            ["validate", "backstage/catalog-info.yaml", "demo/catalog-info.yaml", "demo/demo-template/template/template.yaml", "demo/examples", "--include", "*.yaml", "--allow-kind", "AiResource", .. templates]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"^{templates.Count + 5} files, \d+ entities: no errors$", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Unrendered_skeletons_in_the_template_repository_are_skipped_not_failed()
    {
        var run = await CliRun.RunAsync(Corpus.Root, "validate", "software-templates");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Lines, line => line.StartsWith("software-templates/scaffolder-templates/docs-template-cookiecutter/skeleton/catalog-info.yaml: note: Skipped", StringComparison.Ordinal));
        Assert.Matches(@"^0 files, 0 entities: no errors \(\d+ skipped\)$", run.Lines[^1]);
    }
}
