using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>fs:rename</c>: moves files and folders within the workspace.</summary>
public sealed class FsRenameAction : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "fs:rename";

    /// <inheritdoc />
    public string Description => "Renames files and folders in the workspace.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["files"], "properties": {
          "files": {"type": "array", "items": {"type": "object", "required": ["from", "to"], "properties": {
            "from": {"type": "string"}, "to": {"type": "string"}, "overwrite": {"type": "boolean"}}}}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""{"type": "object", "properties": {}}""");

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>();

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var item in context.Input["files"]!.AsArray().OfType<JsonObject>())
        {
            var from = context.Workspace.Resolve(item.String("from")!);
            var to = context.Workspace.Resolve(item.String("to")!);
            var overwrite = item.Bool("overwrite");
            if (!File.Exists(from) && !Directory.Exists(from))
            {
                throw new FileNotFoundException($"fs:rename: '{item.String("from")}' does not exist in the workspace");
            }

            if ((File.Exists(to) || Directory.Exists(to)) && !overwrite)
            {
                throw new IOException($"fs:rename: '{item.String("to")}' already exists (set overwrite: true to replace it)");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (Directory.Exists(from))
            {
                if (Directory.Exists(to))
                {
                    Directory.Delete(to, recursive: true);
                }

                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to, overwrite);
            }

            context.Log($"Renamed {item.String("from")} to {item.String("to")}");
        }

        return Task.CompletedTask;
    }
}
