using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Templating;
using YamlDotNet.Serialization;

namespace Greenroom.Scaffolder.Actions;

/// <summary><c>catalog:write</c>: writes an entity as <c>catalog-info.yaml</c>, annotated with the template it came from.</summary>
public sealed class CatalogWriteAction : IScaffolderAction
{
    /// <summary>The annotation naming the template that created an entity.</summary>
    public const string SourceTemplateAnnotation = "backstage.io/source-template";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    /// <inheritdoc />
    public string Id => "catalog:write";

    /// <inheritdoc />
    public string Description => "Writes the catalog-info.yaml for your template.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["entity"], "properties": {
          "filePath": {"type": "string", "title": "Defaults to catalog-info.yaml."},
          "entity": {"type": "object", "title": "The entity to write."}}}
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
        var entity = context.Input["entity"]!.DeepClone().AsObject();
        var metadata = entity["metadata"] as JsonObject ?? [];
        entity["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[SourceTemplateAnnotation] = context.TemplateRef;

        var path = context.Input.String("filePath") ?? "catalog-info.yaml";
        var yaml = Yaml.Serialize(ToPlain(Values.FromJson(entity)));
        await context.Workspace.WriteFileAsync(path, Encoding.UTF8.GetBytes(yaml), context.CancellationToken).ConfigureAwait(false);
        context.Log($"Wrote {path}");
    }

    // YamlDotNet writes dictionaries, lists and scalars; doubles that are whole numbers print without a fraction.
    private static object? ToPlain(object? value) => value switch
    {
        IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => ToPlain(e.Value)),
        List<object?> list => list.Select(ToPlain).ToList(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        _ => value,
    };
}
