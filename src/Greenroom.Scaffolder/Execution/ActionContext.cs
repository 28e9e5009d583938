using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Execution;

/// <summary>The context one action invocation gets.</summary>
internal sealed class ActionContext(
    TaskRun run,
    string stepId,
    JsonObject input,
    IReadOnlyDictionary<string, string?> secrets,
    IScaffolderWorkspace workspace,
    Action<string> log,
    CancellationToken cancellationToken) : IScaffolderActionContext
{
    public JsonObject Outputs { get; } = [];

    public string TaskId => run.TaskId;

    public string StepId => stepId;

    public string TemplateRef => run.Template.EntityRef;

    public string UserRef => run.UserRef;

    public bool IsDryRun => run.IsDryRun;

    public JsonObject Input => input;

    public IScaffolderWorkspace Workspace => workspace;

    public ITemplateFiles TemplateFiles => run.TemplateFiles;

    public CancellationToken CancellationToken => cancellationToken;

    public string? GetSecret(string inputName) => secrets.GetValueOrDefault(inputName);

    public void Log(string message) => log(message);

    public void Output(string name, JsonNode? value) => Outputs[name] = value?.DeepClone();
}
