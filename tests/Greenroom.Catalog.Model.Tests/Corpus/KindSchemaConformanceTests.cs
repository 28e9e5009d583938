using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Catalog.Model.Tests.Corpus;

/// <summary>The validator's kind rules match Backstage's JSON schemas in the corpus.</summary>
public sealed class KindSchemaConformanceTests
{
    public static TheoryData<string> KindSchemaFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusFiles.PathOf("backstage", "packages", "catalog-model", "src", "schema", "kinds"), "*.schema.json").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(KindSchemaFiles))]
    public void Required_spec_fields_api_versions_and_field_types_match_the_schema(string fileName)
    {
        var schema = JsonNode.Parse(File.ReadAllText(CorpusFiles.PathOf("backstage", "packages", "catalog-model", "src", "schema", "kinds", fileName)))!;
        var body = schema["allOf"]!.AsArray().Single(part => part!["properties"] is not null)!;
        var kind = (string)body["properties"]!["kind"]!["enum"]![0]!;
        var spec = body["properties"]!["spec"]!;

        Assert.True(BuiltInKinds.All.TryGetValue(kind, out var ours), $"no rules for kind {kind}");
        Assert.Contains("spec", body["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(
            body["properties"]!["apiVersion"]!["enum"]!.AsArray().Select(n => (string)n!).Order(),
            ours.ApiVersions.Order());
        Assert.Equal(
            (spec["required"]?.AsArray().Select(n => (string)n!) ?? []).Order(),
            ours.RequiredFields.Order());

        foreach (var (name, property) in spec["properties"]!.AsObject())
        {
            var field = ours.Fields.SingleOrDefault(f => f.Name == name);
            Assert.True(field is not null, $"{kind}: spec.{name} is in the schema but not in the validator");
            var expected = ((string?)property!["type"], (int?)property["minLength"] ?? (int?)property["items"]?["minLength"]) switch
            {
                ("string", 1) => SpecFieldType.NonEmptyString,
                ("string", _) => SpecFieldType.AnyString,
                ("array", _) => SpecFieldType.NonEmptyStringArray,
                ("object", _) => SpecFieldType.ObjectValue,
                var other => throw new InvalidOperationException($"{kind}: unexpected schema type {other} for spec.{name}"),
            };
            Assert.True(expected == field!.Type, $"{kind}: spec.{name} is {field.Type} here but {expected} in the schema");
        }
    }
}
