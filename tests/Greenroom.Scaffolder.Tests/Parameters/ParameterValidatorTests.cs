using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;

namespace Greenroom.Scaffolder.Tests.Parameters;

public sealed class ParameterValidatorTests
{
    private static readonly TemplateDefinition Template = TemplateReader.Read(TemplateYaml.Parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: t, title: The template}
        spec:
          parameters:
            - title: First
              required: [name]
              properties:
                name: {type: string, pattern: '^[a-z-]+$', ui:field: EntityNamePicker}
                port: {type: integer, minimum: 1}
            - title: Second
              properties:
                mode: {type: string, enum: [light, dark]}
                secret: {type: string, ui:widget: password}
        """, "t.yaml"));

    [Fact]
    public void Valid_values_pass_every_step()
    {
        Assert.Empty(ParameterValidator.Validate(Template, JsonNode.Parse("""{"name": "pet-store", "port": 8080, "mode": "dark"}""")!.AsObject()));
    }

    [Fact]
    public void Each_problem_names_its_field()
    {
        var problems = ParameterValidator.Validate(Template, JsonNode.Parse("""{"port": 0, "mode": "grey"}""")!.AsObject());

        Assert.Contains(problems, p => p.StartsWith("parameters:", StringComparison.Ordinal) && p.Contains("name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("parameters.port:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("parameters.mode:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_schema_lists_steps_and_password_fields_are_secret()
    {
        var schema = ParameterSchema.Describe(Template);

        Assert.Equal("The template", schema["title"]!.ToString());
        Assert.Equal(["First", "Second"], schema["steps"]!.AsArray().Select(s => s!["title"]!.ToString()));
        Assert.Equal(["secret"], ParameterSchema.SecretParameters(Template));
    }
}
