using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>fetch:plain:file</c>: copies one file of the template into the workspace, untouched.</summary>
public sealed class FetchPlainFileAction : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "fetch:plain:file";

    /// <inheritdoc />
    public string Description => "Downloads a single file from the template's folder and places it in the workspace.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["url", "targetPath"], "properties": {
          "url": {"type": "string", "title": "Relative path of the file to copy."},
          "targetPath": {"type": "string", "title": "Target file path within the workspace."},
          "token": {"title": "Accepted for compatibility; unused for the template's own folder."}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""{"type": "object", "properties": {}}""");

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>(["token"]);

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public async Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = ActionInput.TemplatePath(context.Input.String("url")!);
        var target = context.Input.String("targetPath")!;
        var content = await context.TemplateFiles.ReadFileAsync(source, context.CancellationToken).ConfigureAwait(false);
        await context.Workspace.WriteFileAsync(target, content, context.CancellationToken).ConfigureAwait(false);
        context.Log($"Fetched {source} to {target}");
    }
}
