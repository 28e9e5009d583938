using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>fetch:plain</c>: copies a folder of the template into the workspace, untouched.</summary>
public sealed class FetchPlainAction : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "fetch:plain";

    /// <inheritdoc />
    public string Description => "Downloads content from the template's folder and places it in the workspace, or optionally in a subdirectory.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["url"], "properties": {
          "url": {"type": "string", "title": "Relative path of the folder to copy (./skeleton)."},
          "targetPath": {"type": "string", "title": "Target path within the workspace."},
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
        var target = context.Input.String("targetPath") ?? ".";
        var files = await context.TemplateFiles.ListFilesAsync(source, context.CancellationToken).ConfigureAwait(false);
        context.Log($"Fetching {files.Count} files from {source}");
        foreach (var file in files)
        {
            var content = await context.TemplateFiles.ReadFileAsync($"{source}/{file}", context.CancellationToken).ConfigureAwait(false);
            await context.Workspace.WriteFileAsync($"{target}/{file}", content, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
