using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Model;

/// <summary>A <c>scaffolder.backstage.io/v1beta3</c> Template entity, read for running.</summary>
/// <param name="EntityRef">The template's ref, <c>template:default/name</c>.</param>
/// <param name="Title">metadata.title, or the name.</param>
/// <param name="Description">metadata.description.</param>
/// <param name="Parameters">The parameter steps (each a JSON Schema object), in form order.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Output">spec.output, unrendered (links, text, and any other keys).</param>
/// <param name="Entity">The whole entity JSON.</param>
public sealed record TemplateDefinition(
    string EntityRef,
    string Title,
    string? Description,
    IReadOnlyList<JsonObject> Parameters,
    IReadOnlyList<TemplateStep> Steps,
    JsonObject? Output,
    JsonObject Entity)
{
    /// <summary>The only template apiVersion this scaffolder runs.</summary>
    public const string ApiVersion = "scaffolder.backstage.io/v1beta3";

    /// <summary>The location the template was read from (<c>file:/…/template.yaml</c> or <c>url:https://…</c>), if known.</summary>
    public string? Location =>
        Entity["metadata"]?["annotations"]?["backstage.io/managed-by-location"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
