using Greenroom.Cli.Templates;

namespace Greenroom.Cli.Tests.Templates;

public sealed class ScaffolderTemplateRunnerTests : IDisposable
{
    private const string Template = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: hello
        spec:
          owner: team-a
          type: service
          parameters:
            - title: Name
              required: [name]
              properties:
                name: {type: string}
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
            - id: publish
              action: publish:git
              input:
                remoteUrl: https://git.example.com/${{ parameters.name }}.git
          output:
            links:
              - title: Repository
                url: ${{ steps.publish.output.remoteUrl }}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Renders_the_skeleton_into_the_output_folder_without_publishing()
    {
        _dir.Write("template.yaml", Template);
        _dir.Write("skeleton/${{ values.name }}/README.md", "# ${{ values.name | upper }}\n");
        _dir.Write("values.yaml", "name: orders\n");

        var run = await CliRun.RunAsync(_dir.Path, new ScaffolderTemplateRunner(), "template", "run", "template.yaml", "--values", "values.yaml", "--out", "out");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("# ORDERS\n", File.ReadAllText(Path.Combine(_dir.Path, "out", "orders", "README.md")));
        Assert.Contains("output: Repository: https://git.example.com/orders.git", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("Dry run: the push would be refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Skeleton_syntax_error_exits_1_naming_file_and_line()
    {
        _dir.Write("template.yaml", Template);
        _dir.Write("skeleton/README.md", "ok\n{% if values.name %}\n");
        _dir.Write("values.yaml", "name: orders\n");

        var run = await CliRun.RunAsync(_dir.Path, new ScaffolderTemplateRunner(), "template", "run", "template.yaml", "--values", "values.yaml", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("skeleton/README.md:2:1", run.Out, StringComparison.Ordinal);
    }
}
