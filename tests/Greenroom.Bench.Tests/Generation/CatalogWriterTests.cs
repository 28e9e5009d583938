using System.Text.Json.Nodes;
using Greenroom.Bench.Generation;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Bench.Tests.Generation;

public sealed class CatalogWriterTests
{
    [Fact]
    public async Task Every_generated_descriptor_parses_and_validates_and_the_kinds_match_the_manifest()
    {
        using var dir = new TempDirectory();
        var manifest = await CatalogWriter.GenerateAsync(new GenerationSettings(400, 7, null, false, dir.Path), CancellationToken.None);

        var entities = ReadAll(dir.Path);
        var validator = new EntityValidator();
        var problems = entities.SelectMany(e => validator.Validate(e)).ToList();

        Assert.Empty(problems);
        Assert.Equal(manifest.TotalEntities, entities.Count);
        var kinds = entities.GroupBy(e => e["kind"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(manifest.CountsWithLocations(), new SortedDictionary<string, int>(kinds, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Expected_relation_count_equals_what_the_catalog_models_rules_derive()
    {
        using var dir = new TempDirectory();
        var manifest = await CatalogWriter.GenerateAsync(new GenerationSettings(600, 3, null, false, dir.Path), CancellationToken.None);

        // A final entity lists each (type, target) once, whichever entity's spec produced it.
        var relations = ReadAll(dir.Path)
            .SelectMany(e => RelationDeriver.Derive(e, EntityRef.Parse($"{e["kind"]}:default/{e["metadata"]!["name"]}")))
            .Select(r => (r.SourceRef.ToLowerInvariant(), r.Type, r.TargetRef.ToLowerInvariant()))
            .Distinct()
            .Count();

        Assert.Equal(relations, manifest.ExpectedRelations);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        await CatalogWriter.GenerateAsync(new GenerationSettings(250, 11, 4, false, first.Path), CancellationToken.None);
        await CatalogWriter.GenerateAsync(new GenerationSettings(250, 11, 4, false, second.Path), CancellationToken.None);

        foreach (var file in new[] { "catalog-info.yaml", "catalog-manifest.json", "entities/part-0001.yaml", "entities/part-0004.yaml" })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first.Path, file)), await File.ReadAllTextAsync(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public async Task Per_file_layout_writes_one_location_per_part_file()
    {
        using var dir = new TempDirectory();
        var manifest = await CatalogWriter.GenerateAsync(new GenerationSettings(100, 1, 5, true, dir.Path), CancellationToken.None);

        var parsed = new DescriptorParser().Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "catalog-info.yaml")), "catalog-info.yaml");
        var targets = parsed.Documents.Select(d => d.Entity["spec"]!["targets"]!.AsArray().Single()!.GetValue<string>()).ToList();

        Assert.Equal(["./entities/part-0001.yaml", "./entities/part-0002.yaml", "./entities/part-0003.yaml", "./entities/part-0004.yaml", "./entities/part-0005.yaml"], targets);
        Assert.Equal(105, manifest.TotalEntities);
        Assert.Equal("per-file", manifest.LocationLayout);
    }

    [Fact]
    public async Task A_second_generation_removes_part_files_of_the_first()
    {
        using var dir = new TempDirectory();
        await CatalogWriter.GenerateAsync(new GenerationSettings(100, 1, 6, false, dir.Path), CancellationToken.None);
        await CatalogWriter.GenerateAsync(new GenerationSettings(100, 1, 2, false, dir.Path), CancellationToken.None);

        Assert.Equal(["part-0001.yaml", "part-0002.yaml"], Directory.GetFiles(Path.Combine(dir.Path, "entities")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static List<JsonObject> ReadAll(string directory)
    {
        var parser = new DescriptorParser();
        var files = Directory.GetFiles(Path.Combine(directory, "entities")).Append(Path.Combine(directory, "catalog-info.yaml"));
        var entities = new List<JsonObject>();
        foreach (var file in files)
        {
            var result = parser.Parse(File.ReadAllText(file), Path.GetFileName(file));
            Assert.Empty(result.Problems);
            entities.AddRange(result.Documents.Select(d => d.Entity));
        }

        return entities;
    }
}
