using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Tasks;

namespace Greenroom.Scaffolder.Tests.Tasks;

public sealed class TaskSpecBuilderTests
{
    [Fact]
    public void Stored_spec_masks_secret_parameters_and_keeps_steps_unrendered()
    {
        var template = TemplateReader.Read(TemplateYaml.Parse("""
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: t}
            spec:
              parameters:
                - properties:
                    name: {type: string}
                    password: {type: string, ui:widget: password}
                    apiKey: {type: string, ui:field: Secret}
              steps:
                - id: log
                  if: ${{ parameters.name }}
                  action: debug:log
                  input: {message: '${{ parameters.name }}'}
            """, "t.yaml"));

        var spec = TaskSpecBuilder.Build(template, JsonNode.Parse("""{"name": "svc", "password": "hunter2", "apiKey": "k-123"}""")!.AsObject(), "user:default/ann");

        Assert.Equal("""{"name":"svc","password":"***","apiKey":"***"}""", spec["parameters"]!.ToJsonString());
        Assert.Equal("${{ parameters.name }}", spec["steps"]![0]!["input"]!["message"]!.ToString());
        Assert.Equal("${{ parameters.name }}", spec["steps"]![0]!["if"]!.ToString());
        Assert.Equal("user:default/ann", spec["user"]!["ref"]!.ToString());
        Assert.Equal("template:default/t", spec["templateInfo"]!["entityRef"]!.ToString());
    }
}
