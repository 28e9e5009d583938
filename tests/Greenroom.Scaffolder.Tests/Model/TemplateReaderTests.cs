using Greenroom.Scaffolder.Model;

namespace Greenroom.Scaffolder.Tests.Model;

public sealed class TemplateReaderTests
{
    [Fact]
    public void Reads_steps_with_defaults_and_object_parameters()
    {
        var template = TemplateReader.Read(TemplateYaml.Parse("""
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: Sample, namespace: ops}
            spec:
              parameters: {properties: {a: {type: string}}}
              steps:
                - action: debug:log
                  if: false
                  input: {message: hi}
            """, "t.yaml"));

        Assert.Equal("template:ops/sample", template.EntityRef);
        var parameters = Assert.Single(template.Parameters);
        Assert.NotNull(parameters["properties"]);
        var step = Assert.Single(template.Steps);
        Assert.Equal(("step-1", "debug:log"), (step.Id, step.Action));
    }

    [Fact]
    public void Lists_every_problem_with_its_field()
    {
        var error = Assert.Throws<TemplateModelException>(() => TemplateReader.Read(TemplateYaml.Parse("""
            apiVersion: scaffolder.backstage.io/v1beta2
            kind: Template
            metadata: {name: x}
            spec:
              parameters: [42]
              steps:
                - id: a
                  action: debug:log
                - id: a
                  input: []
                  each: 3
            """, "t.yaml")));

        Assert.Contains(error.Problems, p => p.StartsWith("apiVersion: must be scaffolder.backstage.io/v1beta3", StringComparison.Ordinal));
        Assert.Contains("spec.parameters[0]: must be an object (a JSON Schema)", error.Problems);
        Assert.Contains("spec.steps[1].id: 'a' is used by an earlier step", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("spec.steps[1].action: required", StringComparison.Ordinal));
        Assert.Contains("spec.steps[1].input: must be an object", error.Problems);
        Assert.Contains("spec.steps[1].each: must be a list or an expression string", error.Problems);
    }

    [Fact]
    public void Yaml_errors_name_line_and_column()
    {
        var error = Assert.Throws<TemplateModelException>(() => TemplateYaml.Parse("a: 'unterminated\nb: c", "bad.yaml"));

        Assert.StartsWith("bad.yaml:", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
