using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;
using Greenroom.Scaffolder.Templating;
using Greenroom.Scaffolder.Workspace;
using Json.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Execution;

/// <summary>
/// Runs a template's steps in order in a fresh workspace: renders each step's <c>if</c>, <c>each</c> and input,
/// validates the input against the action's schema, runs the action under the step timeout, records outputs, then
/// renders spec.output. The workspace is deleted at the end, whatever happened.
/// </summary>
public sealed partial class TaskExecutor(
    ActionRegistry actions,
    TemplateEngine engine,
    IOptions<ScaffolderOptions> options,
    ILogger<TaskExecutor> logger)
{
    private readonly InputRenderer _renderer = new(engine);

    /// <summary>
    /// Checks, before anything runs, that every step's action exists and every input string parses; throws
    /// <see cref="StepFailedException"/> naming the step.
    /// </summary>
    public void Preflight(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var step in template.Steps)
        {
            if (actions.Find(step.Action) is null)
            {
                throw new StepFailedException($"Step '{step.Id}' uses action '{step.Action}', which is not installed (see GET /api/scaffolder/v2/actions)");
            }
        }
    }

    /// <summary>Runs <paramref name="run"/>; <paramref name="inspect"/> sees the workspace before it is deleted (dry runs).</summary>
    public async Task<TaskRunResult> RunAsync(
        TaskRun run, ITaskEventSink events, Func<IScaffolderWorkspace, Task>? inspect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(events);
        var scrubber = new SecretScrubber(run.Secrets.Values.Concat(SecretParameterValues(run)));
        var sink = new ScrubbingSink(events, scrubber);
        using var workspace = new TaskWorkspace(options.Value, run.TaskId);
        var scope = RootScope(run);
        var stepOutputs = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        scope.Set("steps", stepOutputs);
        string? currentStep = null;
        try
        {
            Preflight(run.Template);
            foreach (var step in run.Template.Steps)
            {
                currentStep = step.Id;
                cancellationToken.ThrowIfCancellationRequested();
                var output = await RunStepAsync(run, step, scope, workspace, sink, scrubber, cancellationToken).ConfigureAwait(false);
                stepOutputs[step.Id] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["output"] = output };
            }

            currentStep = null;
            var result = RenderOutput(run.Template, scope, scrubber);
            if (inspect is not null)
            {
                await inspect(workspace).ConfigureAwait(false);
            }

            return new TaskRunResult("completed", result, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var message = scrubber.Scrub(Describe(e, currentStep));
            LogTaskFailed(logger, run.TaskId, currentStep, message);
            await sink.WriteAsync(TaskLogEvent.Log(message, currentStep, currentStep is null ? null : cancelled ? "cancelled" : "failed"), CancellationToken.None).ConfigureAwait(false);
            if (inspect is not null)
            {
                await inspect(workspace).ConfigureAwait(false);
            }

            return new TaskRunResult(cancelled ? "cancelled" : "failed", [], message, e);
        }
    }

    private static IEnumerable<string> SecretParameterValues(TaskRun run) =>
        ParameterSchema.SecretParameters(run.Template)
            .Select(name => run.Parameters[name])
            .OfType<JsonValue>()
            .Select(v => v.ToString());

    private static string Describe(Exception e, string? stepId) => e switch
    {
        StepFailedException or TemplateModelException => e.Message,
        TemplateSyntaxException s => stepId is null ? s.Message : $"Step '{stepId}': {s.Message}",
        OperationCanceledException => stepId is null ? "The task was cancelled" : $"Step '{stepId}' was cancelled",
        _ => stepId is null ? e.Message : $"Step '{stepId}' failed: {e.Message}",
    };

    private static TemplateScope RootScope(TaskRun run)
    {
        var secretParameters = ParameterSchema.SecretParameters(run.Template);
        var parameters = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in run.Parameters)
        {
            var plain = Values.FromJson(value);
            parameters[name] = secretParameters.Contains(name) ? TemplateScope.Secret(plain) : plain;
        }

        var secrets = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in run.Secrets)
        {
            secrets[name] = value;
        }

        return new TemplateScope(
        [
            KeyValuePair.Create<string, object?>("parameters", parameters),
            KeyValuePair.Create<string, object?>("secrets", TemplateScope.Secret(secrets)),
            KeyValuePair.Create<string, object?>("user", new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["ref"] = run.UserRef,
                ["entity"] = run.UserEntity is null ? Undefined.Value : Values.FromJson(run.UserEntity),
            }),
            KeyValuePair.Create<string, object?>("context", new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["task"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["id"] = run.TaskId },
            }),
        ]);
    }

    private async Task<object?> RunStepAsync(
        TaskRun run, TemplateStep step, TemplateScope scope, TaskWorkspace workspace, ScrubbingSink sink, SecretScrubber scrubber, CancellationToken cancellationToken)
    {
        if (step.If is not null && !Values.IsTruthy(RenderCondition(step, scope)))
        {
            await sink.WriteAsync(TaskLogEvent.Log($"Skipping step {step.Id} because its if condition was false", step.Id, "skipped"), cancellationToken).ConfigureAwait(false);
            return new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        }

        var action = actions.Find(step.Action)!;
        if (run.IsDryRun && !action.SupportsDryRun)
        {
            await sink.WriteAsync(TaskLogEvent.Log($"Skipping because {action.Id} does not support dry-run", step.Id, "skipped"), cancellationToken).ConfigureAwait(false);
            return new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        }

        await sink.WriteAsync(TaskLogEvent.Log($"Beginning step {step.Name}", step.Id, "processing"), cancellationToken).ConfigureAwait(false);
        var iterations = step.Each is null ? [null] : Iterations(step, scope);
        var outputs = new JsonObject();
        foreach (var iteration in iterations)
        {
            var stepScope = scope.Push();
            if (iteration is not null)
            {
                stepScope.Set("each", iteration);
            }

            var (input, secrets) = _renderer.RenderInput(step.Id, action.Id, step.Input, action.SecretInputs, stepScope);
            ValidateInput(step, action, input);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.StepTimeout);
            var context = new ActionContext(
                run, step.Id, input, secrets, workspace,
                message => sink.WriteAsync(TaskLogEvent.Log(message, step.Id), CancellationToken.None).GetAwaiter().GetResult(),
                timeout.Token);
            try
            {
                await action.HandleAsync(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new StepFailedException($"Step '{step.Id}' ({action.Id}) did not finish within {options.Value.StepTimeout} and was stopped");
            }

            workspace.EnsureWithinLimits();
            foreach (var (name, value) in context.Outputs)
            {
                var clean = scrubber.Scrub(value?.DeepClone());
                if (step.Each is null)
                {
                    outputs[name] = clean;
                }
                else
                {
                    ((outputs[name] ??= new JsonArray()) as JsonArray)!.Add(clean);
                }
            }
        }

        await sink.WriteAsync(TaskLogEvent.Log($"Finished step {step.Name}", step.Id, "completed"), cancellationToken).ConfigureAwait(false);
        return Values.FromJson(outputs);
    }

    private object? RenderCondition(TemplateStep step, TemplateScope scope) =>
        step.If is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : _renderer.Render(step.Id, "if", step.If, scope).Value;

    private List<object?> Iterations(TemplateStep step, TemplateScope scope)
    {
        var items = _renderer.Render(step.Id, "each", step.Each, scope).Value;
        IEnumerable<(object? Key, object? Value)> pairs = items switch
        {
            List<object?> list => list.Select((value, index) => ((object?)(double)index, value)),
            IDictionary<string, object?> map => map.Select(e => ((object?)e.Key, e.Value)),
            _ => throw new StepFailedException($"Step '{step.Id}' each: must give a list or an object, got '{Values.ToText(items)}'"),
        };
        return [.. pairs.Select(p => (object?)new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["key"] = p.Key, ["value"] = p.Value })];
    }

    private void ValidateInput(TemplateStep step, IScaffolderAction action, JsonObject input)
    {
        using var document = JsonDocument.Parse(input.ToJsonString());
        var results = actions.InputSchema(action.Id).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return;
        }

        var problems = (results.Details ?? []).Append(results)
            .SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e =>
                $"input{d.InstanceLocation.ToString().Replace('/', '.').TrimEnd('.')}: {e.Value}"))
            .Distinct(StringComparer.Ordinal);
        throw new StepFailedException($"Step '{step.Id}' ({action.Id}) has invalid input: {string.Join("; ", problems)}");
    }

    private JsonObject RenderOutput(TemplateDefinition template, TemplateScope scope, SecretScrubber scrubber)
    {
        if (template.Output is null)
        {
            return [];
        }

        var result = new JsonObject();
        foreach (var (key, value) in template.Output)
        {
            if (key is "links" or "text" && value is JsonArray items)
            {
                var kept = new JsonArray();
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i] as JsonObject;
                    if (item?["if"] is { } condition && !Values.IsTruthy(condition is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                            ? b.GetValue<bool>()
                            : _renderer.Render("output", $"output.{key}[{i}].if", condition, scope).Value))
                    {
                        continue;
                    }

                    var rendered = _renderer.Render("output", $"output.{key}[{i}]", item is null ? items[i] : Without(item, "if"), scope);
                    kept.Add(Values.ToJson(rendered.Value));
                }

                result[key] = kept;
                continue;
            }

            var other = _renderer.Render("output", $"output.{key}", value, scope);
            if (!other.IsUndefined)
            {
                result[key] = Values.ToJson(other.Value);
            }
        }

        return (JsonObject)scrubber.Scrub(result)!;
    }

    private static JsonObject Without(JsonObject item, string key)
    {
        var copy = item.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaffolder task {TaskId} failed at step {StepId}: {Reason}")]
    private static partial void LogTaskFailed(ILogger logger, string taskId, string? stepId, string reason);
}
