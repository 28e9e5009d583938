using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Catalog.Model.Tests.Corpus;

/// <summary>Backstage's own example catalog behaves as Backstage says it should.</summary>
public sealed class CatalogModelExamplesTests
{
    // The corpus README names these optional kinds; Backstage needs extra modules for them.
    private static readonly EntityValidator Validator = new(new CatalogRules { AllowedKinds = ["AiResource", "Environment"] });

    private static string ExamplesRoot => CorpusFiles.PathOf("backstage", "packages", "catalog-model", "examples");

    private static IEnumerable<string> ExampleFiles() =>
        Directory.EnumerateFiles(ExamplesRoot, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_example_file_parses()
    {
        var files = ExampleFiles().ToList();
        Assert.True(files.Count > 40, $"expected the example catalog, found {files.Count} files");
        foreach (var file in files)
        {
            var result = CorpusFiles.Parse(file);
            Assert.True(result.Problems.Count == 0, $"{CorpusFiles.Relative(file)}: {string.Join("; ", result.Problems)}");
            Assert.NotEmpty(result.Documents);
        }
    }

    [Fact]
    public void Every_example_entity_validates_except_the_invalid_component()
    {
        var entities = 0;
        foreach (var file in ExampleFiles().Where(f => !f.EndsWith("invalid-component.yaml", StringComparison.Ordinal)))
        {
            foreach (var document in CorpusFiles.Parse(file).Documents)
            {
                // Files such as petstore-webhook.oas.yaml are $text targets, not entities.
                if (!document.Entity.ContainsKey("apiVersion"))
                {
                    continue;
                }

                entities++;
                var problems = Validator.Validate(CorpusFiles.WithPlaceholdersResolved(document.Entity));
                Assert.True(problems.Count == 0, $"{document.File} #{document.Index}: {string.Join("; ", problems)}");
            }
        }

        Assert.True(entities > 50, $"expected the example entities, validated {entities}");
    }

    [Fact]
    public void The_invalid_component_is_rejected_naming_its_name_and_tag()
    {
        var document = Assert.Single(CorpusFiles.Parse(Path.Combine(ExamplesRoot, "components", "invalid-component.yaml")).Documents);

        var problems = Validator.Validate(document.Entity);

        Assert.Equal(["metadata.name", "metadata.tags[1]"], problems.Select(p => p.Field));
        Assert.Contains("invalid component", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal((4, 3), document.PositionOf(problems[0].Field));
        Assert.Equal((11, 7), document.PositionOf(problems[1].Field));
    }

    [Fact]
    public void A_user_in_another_namespace_and_multi_document_org_files_keep_their_shape()
    {
        var org = CorpusFiles.Parse(Path.Combine(ExamplesRoot, "acme", "org.yaml"));
        Assert.Empty(org.Problems);
        Assert.True(org.Documents.Count > 1);

        var refs = ExampleFiles().SelectMany(f => CorpusFiles.Parse(f).Documents)
            .Select(d => EntityFields.RefOf(d.Entity))
            .OfType<EntityRef>()
            .ToList();
        Assert.Contains(refs, r => r.Kind == "User" && r.Namespace == "development");
    }

    [Fact]
    public void Example_relations_link_the_org_and_the_systems()
    {
        var relations = ExampleFiles()
            .SelectMany(f => CorpusFiles.Parse(f).Documents)
            .Where(d => d.Entity.ContainsKey("apiVersion"))
            .SelectMany(d => RelationDeriver.Derive(d.Entity, EntityFields.RefOf(d.Entity)!.Value))
            .ToList();

        foreach (var type in new[] { "ownedBy", "ownerOf", "partOf", "hasPart", "providesApi", "apiProvidedBy", "memberOf", "hasMember", "parentOf", "childOf" })
        {
            Assert.Contains(relations, r => r.Type == type);
        }

        Assert.All(relations, r => Assert.Equal(r.TargetRef.ToLowerInvariant(), r.TargetRef));
    }

    [Fact]
    public void Every_parsed_example_round_trips_through_json()
    {
        var parser = new DescriptorParser(DescriptorLimits.Default);
        foreach (var document in ExampleFiles().SelectMany(f => CorpusFiles.Parse(f).Documents))
        {
            var json = document.Entity.ToJsonString();
            var again = parser.Parse(json, "roundtrip.json").Documents.Single().Entity;
            Assert.True(JsonNode.DeepEquals(document.Entity, again), document.File);
        }
    }
}
