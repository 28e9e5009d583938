using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Catalog.Model.Tests.Entities;

public sealed class FieldPathTests
{
    private static readonly string Json = """
        { "metadata": { "name": "svc", "annotations": { "backstage.io/techdocs-ref": "dir:." } },
          "spec": { "targets": ["a", "b", { "deep": 1 }] } }
        """;

    [Theory]
    [InlineData("metadata.name", "\"svc\"")]
    [InlineData("metadata.annotations.backstage.io/techdocs-ref", "\"dir:.\"")]
    [InlineData("spec.targets[1]", "\"b\"")]
    [InlineData("spec.targets[2].deep", "1")]
    public void Reads_values_at_paths(string path, string expected)
    {
        Assert.True(FieldPath.TryGet(JsonNode.Parse(Json), path, out var value));
        Assert.Equal(expected, value!.ToJsonString());
    }

    [Theory]
    [InlineData("metadata.missing")]
    [InlineData("spec.targets[7]")]
    [InlineData("metadata.name[0]")]
    public void Reports_missing_paths(string path)
    {
        Assert.False(FieldPath.TryGet(JsonNode.Parse(Json), path, out _));
    }
}
