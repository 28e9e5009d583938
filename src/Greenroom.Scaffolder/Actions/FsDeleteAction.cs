using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>fs:delete</c>: deletes files and folders (paths or globs) in the workspace.</summary>
public sealed class FsDeleteAction : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "fs:delete";

    /// <inheritdoc />
    public string Description => "Deletes files and folders in the workspace.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["files"], "properties": {
          "files": {"type": "array", "items": {"type": "string"}, "title": "Paths or globs relative to the workspace."}}}
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
        foreach (var pattern in context.Input.Strings("files"))
        {
            // Resolving the pattern itself refuses '..' and absolute paths before any glob is expanded.
            var direct = context.Workspace.Resolve(pattern);
            if (Directory.Exists(direct))
            {
                Directory.Delete(direct, recursive: true);
                context.Log($"Deleted folder {pattern}");
                continue;
            }

            var matcher = new Matcher(StringComparison.Ordinal).AddInclude(pattern);
            foreach (var file in context.Workspace.ListFiles().Where(f => matcher.Match(f).HasMatches))
            {
                File.Delete(context.Workspace.Resolve(file));
                context.Log($"Deleted {file}");
            }
        }

        return Task.CompletedTask;
    }
}
