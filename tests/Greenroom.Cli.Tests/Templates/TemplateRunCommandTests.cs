using Greenroom.Cli.Templates;

namespace Greenroom.Cli.Tests.Templates;

public sealed class TemplateRunCommandTests : IDisposable
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
                name:
                  type: string
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}

        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Checked_inputs_reach_the_runner_and_its_exit_code_is_returned()
    {
        _dir.Write("template.yaml", Template);
        _dir.Write("values.yaml", "name: orders\nport: 8080\n");
        var runner = new RecordingRunner(exitCode: 0);

        var run = await CliRun.RunAsync(_dir.Path, runner, "template", "run", "template.yaml", "--values", "values.yaml", "--out", "out");

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(runner.Requests);
        Assert.Equal(Path.Combine(_dir.Path, "template.yaml"), request.TemplateFile);
        Assert.Equal(Path.Combine(_dir.Path, "out"), request.OutputDirectory);
        Assert.Equal("hello", (string?)request.Template["metadata"]!["name"]);
        Assert.Equal("orders", (string?)request.Values["name"]);
        Assert.Equal(8080L, (long)request.Values["port"]!);
    }

    [Fact]
    public async Task Without_the_scaffolder_engine_it_says_so_and_writes_nothing()
    {
        _dir.Write("template.yaml", Template);
        _dir.Write("values.json", """{"name": "orders"}""");

        var run = await CliRun.RunAsync(_dir.Path, "template", "run", "template.yaml", "--values", "values.json", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not available in this build", run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "out")));
    }

    [Fact]
    public async Task A_descriptor_that_is_not_a_template_is_refused_at_its_kind()
    {
        _dir.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n  lifecycle: production\n  owner: a\n");
        _dir.Write("values.yaml", "name: orders\n");
        var runner = new RecordingRunner(exitCode: 0);

        var run = await CliRun.RunAsync(_dir.Path, runner, "template", "run", "catalog-info.yaml", "--values", "values.yaml", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "catalog-info.yaml:1:1: error: Expected a Template of apiVersion scaffolder.backstage.io/v1beta3, found Component of apiVersion backstage.io/v1alpha1 (kind)",
            run.Lines[0]);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Invalid_template_values_and_a_non_empty_output_folder_are_all_reported_before_running()
    {
        _dir.Write("template.yaml", Template.Replace("  name: hello", "  name: hello world", StringComparison.Ordinal));
        _dir.Write("values.yaml", "- just\n- a list\n");
        _dir.Write("out/existing.txt", "keep me");
        var runner = new RecordingRunner(exitCode: 0);

        var run = await CliRun.RunAsync(_dir.Path, runner, "template", "run", "template.yaml", "--values", "values.yaml", "--out", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("template.yaml:4:3: error: \"metadata.name\" is not valid", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal("values.yaml:1:1: error: The values must be a mapping of parameter names to values", run.Lines[1]);
        Assert.Equal("out: error: The output folder is not empty; choose a new or empty folder so nothing is overwritten", run.Lines[2]);
        Assert.Empty(runner.Requests);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(_dir.Path, "out", "existing.txt")));
    }

    [Fact]
    public async Task Missing_options_are_usage_errors()
    {
        _dir.Write("template.yaml", Template);

        var run = await CliRun.RunAsync(_dir.Path, "template", "run", "template.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--values", run.Error, StringComparison.Ordinal);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_backstage_template_passes_the_checks()
    {
        var template = Path.Combine(Corpus.Root, "software-templates", "scaffolder-templates", "springboot-grpc-template", "template.yaml");
        _dir.Write("values.yaml", "component_id: orders\njava_package_name: io.example.orders\nowner: group:team-a\nrepoUrl: github.com?owner=acme&repo=orders\n");
        var runner = new RecordingRunner(exitCode: 0);

        var run = await CliRun.RunAsync(_dir.Path, runner, "template", "run", template, "--values", "values.yaml", "--out", "out");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("springboot-template", (string?)Assert.Single(runner.Requests).Template["metadata"]!["name"]);
    }

    private sealed class RecordingRunner(int exitCode) : ITemplateRunner
    {
        public List<TemplateRunRequest> Requests { get; } = [];

        public Task<int> RunAsync(TemplateRunRequest request, TextWriter output, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(exitCode);
        }
    }
}
