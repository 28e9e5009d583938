using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>debug:log</c>: writes a message and, optionally, the workspace listing to the task log.</summary>
public sealed class DebugLogAction : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "debug:log";

    /// <inheritdoc />
    public string Description => "Writes a message into the log and lists the files in the workspace.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "properties": {
          "message": {"type": "string", "title": "Message to output."},
          "listWorkspace": {"title": "List all files in the workspace, if true (or with-filenames / with-contents).",
                            "anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["with-filenames", "with-contents"]}]},
          "extra": {"title": "Ignored; kept for compatibility."}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""{"type": "object", "properties": {}}""");

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>();

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public async Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.String("message") is { } message)
        {
            context.Log(message);
        }

        var list = context.Input["listWorkspace"];
        var mode = list is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : context.Input.Bool("listWorkspace") ? "with-filenames" : null;
        if (mode is null)
        {
            return;
        }

        var files = context.Workspace.ListFiles();
        var text = new StringBuilder("Workspace:");
        foreach (var file in files)
        {
            text.Append("\n  - ").Append(file);
            if (mode == "with-contents")
            {
                var content = await File.ReadAllTextAsync(context.Workspace.Resolve(file), context.CancellationToken).ConfigureAwait(false);
                text.Append(":\n").Append(content);
            }
        }

        context.Log(text.ToString());
    }
}
