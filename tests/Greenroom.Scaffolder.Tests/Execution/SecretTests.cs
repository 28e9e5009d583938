using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Tests.Support;

namespace Greenroom.Scaffolder.Tests.Execution;

/// <summary>
/// Secrets never reach a log, event, output or file, whatever filter is applied (the GHSA-8qp7-fhr9-fw53 cases):
/// the run fails instead, naming the step and input. Secrets do reach inputs their action declares secret.
/// </summary>
public sealed class SecretTests : IDisposable
{
    private const string Token = "ghp_Sup3rS3cretT0ken";
    private readonly Harness _harness = new(extraActions: [new EchoSecretAction()]);

    public void Dispose() => _harness.Dispose();

    private static string Template(string steps, string output = "") => $"""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: secretive
        spec:
          parameters:
            - properties:
                password: {"{"}type: string, ui:widget: password{"}"}
                name: {"{"}type: string{"}"}
          steps:
        {steps}
        {(output.StartsWith(' ') || output.Length == 0 ? output : "  " + output)}
        """;

    private Task<Greenroom.Scaffolder.Execution.TaskRunResult> Run(string steps, string output = "", string values = "{}") =>
        _harness.RunAsync(Template(steps, output), values, new Dictionary<string, string> { ["TOKEN"] = Token });

    private void AssertNoTrace(Greenroom.Scaffolder.Execution.TaskRunResult result, string secret = Token)
    {
        var recorded = _harness.EverythingRecorded(result);
        foreach (var form in new[] { secret, secret.ToUpperInvariant(), secret.ToLowerInvariant(), secret.Replace("S", "$", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(form, recorded, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("${{ secrets.TOKEN }}")]
    [InlineData("${{ secrets.TOKEN | upper }}")]
    [InlineData("${{ secrets.TOKEN | lower }}")]
    [InlineData("${{ secrets.TOKEN | replace('S', '$') }}")]
    [InlineData("${{ secrets | dump }}")]
    [InlineData("${{ secrets.TOKEN | dump }}")]
    [InlineData("token=${{ secrets.TOKEN | reverse }}")]
    [InlineData("${{ 'yes' if secrets.TOKEN == 'x' else 'no' }}")]
    [InlineData("{% for c in secrets.TOKEN %}${{ c }}{% endfor %}")]
    public async Task Secret_in_a_log_message_fails_the_step_naming_the_input(string message)
    {
        var steps = $"""
              - id: leak
                action: debug:log
                input:
                  message: "{message.Replace("\"", "\\\"", StringComparison.Ordinal)}"
            """;

        var result = await Run(steps);

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'leak' input.message uses a secret, but action 'debug:log' does not declare that input secret", result.Error, StringComparison.Ordinal);
        AssertNoTrace(result);
    }

    [Fact]
    public async Task Secret_parameter_transformed_by_a_filter_cannot_reach_a_later_log()
    {
        const string steps = """
              - id: first
                action: debug:log
                input: {message: 'hello ${{ parameters.name }}'}
              - id: later
                action: debug:log
                input: {message: '${{ parameters.password | upper }}'}
            """;

        var result = await Run(steps, values: """{"name": "x", "password": "hunter2hunter2"}""");

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'later' input.message uses a secret", result.Error, StringComparison.Ordinal);
        AssertNoTrace(result, "hunter2hunter2");
    }

    [Fact]
    public async Task Secret_cannot_reach_skeleton_files_through_values()
    {
        _harness.Write("skeleton/config.txt", "token: ${{ values.t }}");
        const string steps = """
              - id: fetch
                action: fetch:template
                input:
                  url: ./skeleton
                  values: {t: '${{ secrets.TOKEN | replace("ghp", "x") }}'}
            """;

        var result = await Run(steps);

        Assert.Equal("failed", result.Status);
        Assert.Contains("Step 'fetch' input.values.t uses a secret, but action 'fetch:template' does not declare that input secret (its secret inputs: token)", result.Error, StringComparison.Ordinal);
        AssertNoTrace(result);
    }

    [Theory]
    [InlineData("if: ${{ secrets.TOKEN }}", "")]
    [InlineData("each: ${{ [secrets.TOKEN] }}", "")]
    [InlineData("", "output: {text: [{title: t, content: '${{ secrets.TOKEN | upper }}'}]}")]
    [InlineData("", "output: {links: [{title: t, url: 'https://x/${{ secrets.TOKEN | urlencode }}'}]}")]
    public async Task Secret_in_a_condition_loop_or_output_fails(string stepExtra, string output)
    {
        var steps = $"""
              - id: step
                action: debug:log
                {stepExtra}
                input: {"{"}message: ok{"}"}
            """;

        var result = await Run(steps, output);

        Assert.Equal("failed", result.Status);
        Assert.Contains("uses a secret", result.Error, StringComparison.Ordinal);
        AssertNoTrace(result);
    }

    [Fact]
    public async Task Secret_flows_into_an_input_its_action_declares_secret_and_nowhere_else()
    {
        const string steps = """
              - id: echo
                action: test:echo-secret
                input:
                  token: ${{ secrets.TOKEN or false }}
                  label: plain
            """;

        var result = await Run(steps, output: "  output: {text: [{title: r, content: '${{ steps.echo.output.echoed }}'}]}");

        Assert.Equal("completed", result.Status);
        Assert.Equal(Token.Length, EchoSecretAction.LastLength);
        AssertNoTrace(result);
        Assert.Contains(_harness.Events, e => e.Body["message"]?.ToString() == "got *** (plain)");
    }

    [Fact]
    public async Task Missing_secret_with_or_false_gives_the_action_no_value()
    {
        const string steps = """
              - id: echo
                action: test:echo-secret
                input:
                  token: ${{ secrets.ABSENT or false }}
            """;

        var result = await Run(steps);

        Assert.Equal("completed", result.Status);
        Assert.Equal(-1, EchoSecretAction.LastLength);
    }

    /// <summary>A careless action that logs and outputs the secret it was given: the second line of defence masks it.</summary>
    private sealed class EchoSecretAction : IScaffolderAction
    {
        public static int LastLength { get; private set; }

        public string Id => "test:echo-secret";

        public string Description => "Echoes its secret (badly behaved on purpose).";

        public JsonObject InputSchema { get; } = new() { ["type"] = "object" };

        public JsonObject OutputSchema { get; } = new() { ["type"] = "object" };

        public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>(["token"]);

        public bool SupportsDryRun => true;

        public Task HandleAsync(IScaffolderActionContext context)
        {
            var secret = context.GetSecret("token");
            LastLength = secret?.Length ?? -1;
            Assert.False(context.Input.ContainsKey("token"));
            if (secret is not null)
            {
                context.Log($"got {secret} ({context.Input["label"]})");
                context.Output("echoed", secret.ToUpperInvariant());
            }

            return Task.CompletedTask;
        }
    }
}
