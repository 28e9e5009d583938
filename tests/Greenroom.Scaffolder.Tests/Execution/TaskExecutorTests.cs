using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Tests.Support;

namespace Greenroom.Scaffolder.Tests.Execution;

public sealed class TaskExecutorTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Template(string steps, string output = "") => $"""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: sample
        spec:
          parameters:
            - title: Basics
              properties:
                name: {"{"}type: string{"}"}
          steps:
        {steps}
        {output}
        """;

    [Fact]
    public async Task Fetch_template_renders_contents_and_names_and_skips_empty_names()
    {
        _harness.Write("skeleton/${{ values.name }}/README.md", "# ${{ values.name }}\n{{ not rendered }}\n");
        _harness.Write("skeleton/${{ values.optional }}/skipped.txt", "never written");
        _harness.Write("skeleton/raw/${{ values.name }}.txt", "kept ${{ as is }}");
        _harness.Write("skeleton/.github/workflows/${{ values.name }}.yml", "run: ${{ github.sha }}");
        _harness.Write("skeleton/app.cs.njk", "// ${{ values.name }}");
        const string steps = """
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  values:
                    name: ${{ parameters.name }}
                    optional: ${{ parameters.missing }}
                  copyWithoutTemplating: ['raw/**']
                  copyWithoutRender: []
            """;

        var result = await _harness.RunAsync(Template(steps), """{"name": "petstore"}""");

        if (result.Status != "completed") { Assert.Fail(result.Error!); }
        Assert.Equal("# petstore\n{{ not rendered }}\n", _harness.Files["petstore/README.md"]);
        Assert.Equal("kept ${{ as is }}", _harness.Files["raw/petstore.txt"]);
        Assert.Equal("run: ", _harness.Files[".github/workflows/petstore.yml"]);
        Assert.Equal("// petstore", _harness.Files["app.cs.njk"]);
        Assert.DoesNotContain(_harness.Files.Keys, k => k.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Copy_without_render_keeps_names_and_contents_and_extension_limits_rendering()
    {
        _harness.Write("skeleton/.github/workflows/ci.yml", "ref: ${{ github.ref }}");
        _harness.Write("skeleton/${{ values.name }}.md.njk", "# ${{ values.name }}");
        _harness.Write("skeleton/plain.md", "# ${{ values.name }}");
        const string steps = """
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  values: {name: svc}
                  copyWithoutRender: ['.github/workflows/*']
                  templateFileExtension: true
            """;

        var result = await _harness.RunAsync(Template(steps));

        if (result.Status != "completed") { Assert.Fail(result.Error!); }
        Assert.Equal("ref: ${{ github.ref }}", _harness.Files[".github/workflows/ci.yml"]);
        Assert.Equal("# svc", _harness.Files["svc.md"]);
        Assert.Equal("# ${{ values.name }}", _harness.Files["plain.md"]);
    }

    [Fact]
    public async Task Conditions_loops_and_step_outputs_flow_between_steps()
    {
        const string steps = """
              - id: skipped
                if: ${{ parameters.name === 'other' }}
                action: debug:log
                input: {message: never}
              - id: write
                each: ${{ ['a', 'b'] }}
                action: catalog:write
                input:
                  filePath: ${{ each.value }}.yaml
                  entity: {apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {name: '${{ each.value }}'}}
              - id: register
                action: catalog:register
                input:
                  repoContentsUrl: https://example.com/repo/blob/main
              - id: log
                action: debug:log
                input:
                  message: registered ${{ steps.register.output.entityRef }} from ${{ steps['register'].output.catalogInfoUrl }}
            """;
        const string output = """
          output:
            links:
              - title: Entity
                entityRef: ${{ steps.register.output.entityRef }}
              - title: Hidden
                if: ${{ parameters.name == 'nope' }}
                url: https://example.com
            text:
              - title: Count
                content: ${{ 1 + 1 }}
            number: ${{ 41 + 1 }}
            dropped: ${{ parameters.missing }}
        """;

        var result = await _harness.RunAsync(Template(steps, output), """{"name": "petstore"}""");

        if (result.Status != "completed") { Assert.Fail(result.Error!); }
        Assert.Contains(_harness.Events, e => e.Body["stepId"]?.ToString() == "skipped" && e.Body["status"]?.ToString() == "skipped");
        Assert.DoesNotContain(_harness.Events, e => e.Body["message"]?.ToString() == "never");
        Assert.True(_harness.Files.ContainsKey("a.yaml") && _harness.Files.ContainsKey("b.yaml"));
        Assert.Contains(_harness.Events, e => e.Body["message"]?.ToString() == "registered component:default/petstore from https://example.com/repo/blob/main/catalog-info.yaml");
        Assert.Equal(("url", "https://example.com/repo/blob/main/catalog-info.yaml"), Assert.Single(_harness.Registrar.Registered));
        var links = result.Output["links"]!.AsArray();
        Assert.Equal("component:default/petstore", Assert.Single(links)!["entityRef"]!.ToString());
        Assert.Equal(42, result.Output["number"]!.GetValue<long>());
        Assert.Equal(2, result.Output["text"]![0]!["content"]!.GetValue<long>());
        Assert.False(result.Output.ContainsKey("dropped"));
    }

    [Fact]
    public async Task Catalog_write_adds_the_source_template_annotation()
    {
        const string steps = """
              - id: write
                action: catalog:write
                input:
                  entity:
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: '${{ parameters.name }}', annotations: {a: '42'}}
                    spec: {type: service, lifecycle: experimental, owner: team-a}
            """;

        var result = await _harness.RunAsync(Template(steps), """{"name": "petstore"}""");

        if (result.Status != "completed") { Assert.Fail(result.Error!); }
        var yaml = _harness.Files["catalog-info.yaml"];
        Assert.Contains("backstage.io/source-template: template:default/sample", yaml, StringComparison.Ordinal);
        Assert.Contains("a: '42'", yaml.Replace("\"42\"", "'42'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skeleton_syntax_error_fails_naming_file_line_and_column()
    {
        _harness.Write("skeleton/docs/index.md", "# Title\n\n{% if values.x %}\nno end\n");
        const string steps = """
              - id: fetch
                action: fetch:template
                input: {url: ./skeleton}
            """;

        var result = await _harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("skeleton/docs/index.md:3:1", result.Error, StringComparison.Ordinal);
        Assert.Contains("Step 'fetch'", result.Error, StringComparison.Ordinal);
        Assert.Contains(_harness.Events, e => e.Body["status"]?.ToString() == "failed" && e.Body["stepId"]?.ToString() == "fetch");
    }

    [Fact]
    public async Task Skeleton_writing_outside_the_workspace_fails_and_writes_nothing_outside()
    {
        _harness.Write("skeleton/${{ values.name }}/evil.txt", "pwned");
        const string steps = """
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  values: {name: '${{ parameters.name }}'}
            """;

        var result = await _harness.RunAsync(Template(steps), """{"name": "../../outside"}""");

        Assert.Equal("failed", result.Status);
        Assert.Contains("'..'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(_harness.Root, "evil.txt", SearchOption.AllDirectories),
            f => !f.Contains(Path.Combine("template", "skeleton"), StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_harness.Root, "..", "outside")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_harness.Options.WorkDirectory!));
    }

    [Theory]
    [InlineData("fs:delete", "files: ['../x']")]
    [InlineData("fs:rename", "files: [{from: a, to: /etc/x}]")]
    [InlineData("fetch:plain", "url: ../../")]
    [InlineData("fetch:plain", "url: https://example.com/skeleton")]
    [InlineData("fetch:plain:file", "{url: /etc/passwd, targetPath: x}")]
    public async Task Paths_leaving_the_workspace_or_template_folder_are_refused(string action, string input)
    {
        var steps = $"""
              - id: step
                action: {action}
                input: {(input.StartsWith('{') ? input : "{" + input + "}")}
            """;

        var result = await _harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'step'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_action_is_refused_before_anything_runs()
    {
        const string steps = """
              - id: log
                action: debug:log
                input: {message: first}
              - id: publish
                action: publish:github
                input: {}
            """;

        var result = await _harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'publish' uses action 'publish:github', which is not installed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Events, e => e.Body["message"]?.ToString() == "first");
    }

    [Fact]
    public async Task Input_not_matching_the_action_schema_names_the_field()
    {
        const string steps = """
              - id: write
                action: catalog:write
                input: {entity: 42}
            """;

        var result = await _harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'write' (catalog:write) has invalid input: input.entity", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_running_past_the_timeout_is_stopped_and_fails_the_task()
    {
        using var harness = new Harness(o => o.StepTimeout = TimeSpan.FromMilliseconds(100), [new HangingAction()]);
        const string steps = """
              - id: hang
                action: test:hang
                input: {}
            """;

        var result = await harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'hang' (test:hang) did not finish within", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_file_limit_fails_the_step_that_crosses_it()
    {
        using var harness = new Harness(o => o.MaxWorkspaceFiles = 3);
        harness.Write("skeleton/a.txt", "a");
        harness.Write("skeleton/b.txt", "b");
        const string steps = """
              - id: first
                action: fetch:plain
                input: {url: ./skeleton, targetPath: one}
              - id: second
                action: fetch:plain
                input: {url: ./skeleton, targetPath: two}
            """;

        var result = await harness.RunAsync(Template(steps));

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'second' failed: writing 'two/b.txt' would exceed the workspace limit of 3 files", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_publishes_and_registers_nothing_but_reports_what_would_happen()
    {
        const string steps = """
              - id: publish
                action: publish:git
                input: {remoteUrl: 'file:///nowhere/repo.git'}
              - id: register
                action: catalog:register
                input: {repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}'}
            """;

        var result = await _harness.RunAsync(Template(steps), dryRun: true);

        Assert.Equal("completed", result.Status);
        Assert.Contains(_harness.Events, e => e.Body["message"]!.ToString().Contains("the push would be refused", StringComparison.Ordinal));
        Assert.Contains(_harness.Events, e => e.Body["message"]!.ToString() == "Dry run: would register file location file:///nowhere/repo.git/catalog-info.yaml");
        Assert.Empty(_harness.Registrar.Registered);
    }

    private sealed class HangingAction : Greenroom.Plugins.Scaffolder.IScaffolderAction
    {
        public string Id => "test:hang";

        public string Description => "Waits until cancelled.";

        public JsonObject InputSchema { get; } = new() { ["type"] = "object" };

        public JsonObject OutputSchema { get; } = new() { ["type"] = "object" };

        public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>();

        public bool SupportsDryRun => true;

        public Task HandleAsync(Greenroom.Plugins.Scaffolder.IScaffolderActionContext context) =>
            Task.Delay(Timeout.Infinite, context.CancellationToken);
    }
}
