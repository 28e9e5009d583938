using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;

namespace Greenroom.Scaffolder.Tests.Parameters;

public sealed class ParameterDefaultsTests
{
    private static readonly TemplateDefinition Template = TemplateReader.Read(TemplateYaml.Parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: defaults}
        spec:
          type: service
          parameters:
            - properties:
                name: {type: string}
                dotnetVersion: {type: string, default: '10.0'}
            - properties:
                port: {type: integer, default: 8080}
                flags: {type: array, default: [a, b]}
                runtime:
                  type: object
                  properties:
                    memory: {type: string, default: 512Mi}
                    cpu: {type: string}
          steps:
            - id: log
              action: debug:log
              input: {message: hi}
        """, "template.yaml"));

    [Fact]
    public void Fills_every_missing_default_across_steps_keeping_its_json_type()
    {
        var values = ParameterDefaults.Apply(Template, JsonNode.Parse("""{"name": "svc"}""")!.AsObject());

        Assert.Equal("10.0", values["dotnetVersion"]!.GetValue<string>());
        Assert.Equal(8080L, values["port"]!.GetValue<long>());
        Assert.Equal(["a", "b"], values["flags"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.False(values.ContainsKey("runtime"));
    }

    [Fact]
    public void Never_overrides_a_given_value_and_fills_defaults_inside_a_given_object()
    {
        var given = JsonNode.Parse("""{"name": "svc", "port": 9000, "dotnetVersion": null, "runtime": {"cpu": "1"}}""")!.AsObject();

        var values = ParameterDefaults.Apply(Template, given);

        Assert.Equal(9000, values["port"]!.GetValue<int>());
        Assert.Null(values["dotnetVersion"]);
        Assert.Equal("512Mi", values["runtime"]!["memory"]!.GetValue<string>());
        Assert.Equal("1", values["runtime"]!["cpu"]!.GetValue<string>());
        Assert.False(given["runtime"]!.AsObject().ContainsKey("memory"));
    }
}
