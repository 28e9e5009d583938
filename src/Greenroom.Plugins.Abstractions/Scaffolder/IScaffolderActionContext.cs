using System.Text.Json.Nodes;

namespace Greenroom.Plugins.Scaffolder;

/// <summary>What an action handler sees: its rendered input, the task workspace, the template's files, a log and outputs.</summary>
public interface IScaffolderActionContext
{
    /// <summary>The task id.</summary>
    string TaskId { get; }

    /// <summary>The step id.</summary>
    string StepId { get; }

    /// <summary>The running template's ref, <c>template:default/name</c>.</summary>
    string TemplateRef { get; }

    /// <summary>The user who started the task, <c>user:default/guest</c>.</summary>
    string UserRef { get; }

    /// <summary>True in a dry run: no side effect may leave the workspace.</summary>
    bool IsDryRun { get; }

    /// <summary>The rendered input, validated against the input schema; secret inputs are not in it.</summary>
    JsonObject Input { get; }

    /// <summary>The value of a secret input (see <see cref="IScaffolderAction.SecretInputs"/>), or null when unset or false.</summary>
    string? GetSecret(string inputName);

    /// <summary>The task's working directory.</summary>
    IScaffolderWorkspace Workspace { get; }

    /// <summary>The template's own files (its folder), read-only.</summary>
    ITemplateFiles TemplateFiles { get; }

    /// <summary>Cancelled when the step times out or the host stops.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Writes a line to the task log (never pass secrets: the handler alone holds them).</summary>
    void Log(string message);

    /// <summary>Sets a step output (<c>steps['id'].output.name</c>).</summary>
    void Output(string name, JsonNode? value);
}
