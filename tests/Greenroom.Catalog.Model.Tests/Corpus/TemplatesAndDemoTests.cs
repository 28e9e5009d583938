using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Catalog.Model.Tests.Corpus;

/// <summary>Backstage's own descriptor, the demo catalog and the software templates parse and validate.</summary>
public sealed class TemplatesAndDemoTests
{
    private static readonly EntityValidator Validator = new(new CatalogRules { AllowedKinds = ["AiResource", "Environment"] });

    public static TheoryData<string> EntityFiles() => new(EntityFileList());

    private static List<string> EntityFileList()
    {
        var root = CorpusFiles.Root;
        var files = new List<string>
        {
            "backstage/catalog-info.yaml",
            "demo/catalog-info.yaml",
            "demo/demo-template/template/template.yaml",
        };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "demo", "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            files.Add(CorpusFiles.Relative(file));
        }

        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(root, "software-templates", "scaffolder-templates")).Order(StringComparer.Ordinal))
        {
            files.Add(CorpusFiles.Relative(Path.Combine(dir, "template.yaml")));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(EntityFiles))]
    public void Parses_and_validates(string relativePath)
    {
        var result = CorpusFiles.Parse(CorpusFiles.PathOf(relativePath));

        Assert.Empty(result.Problems);
        Assert.NotEmpty(result.Documents);
        foreach (var document in result.Documents)
        {
            var problems = Validator.Validate(CorpusFiles.WithPlaceholdersResolved(document.Entity));
            Assert.True(problems.Count == 0, $"{document.File} #{document.Index}: {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public void Templates_are_template_entities_with_steps()
    {
        var templates = EntityFileList().Where(f => f.EndsWith("template.yaml", StringComparison.Ordinal)).ToList();

        Assert.True(templates.Count >= 9);
        foreach (var file in templates)
        {
            var entity = CorpusFiles.Parse(CorpusFiles.PathOf(file)).Documents.Single().Entity;
            Assert.Equal("Template", (string?)entity["kind"]);
            Assert.NotEmpty(entity["spec"]!["steps"]!.AsArray());
        }
    }

    [Fact]
    public void The_unrendered_cookiecutter_skeleton_is_reported_not_a_crash()
    {
        var result = CorpusFiles.Parse(CorpusFiles.PathOf("software-templates", "scaffolder-templates", "docs-template-cookiecutter", "skeleton", "catalog-info.yaml"));

        var problem = Assert.Single(result.Problems);
        Assert.NotNull(problem.Line);
        Assert.Contains("catalog-info.yaml", problem.File, StringComparison.Ordinal);
        Assert.Contains("unrendered", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Line);
        Assert.Empty(result.Documents);
    }
}
