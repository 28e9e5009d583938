using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Model;

/// <summary>One step of a template: an action with its (unrendered) input, an optional condition and loop.</summary>
/// <param name="Id">The step id (<c>steps['id'].output</c>); generated as <c>step-N</c> when the template gives none.</param>
/// <param name="Name">The display name.</param>
/// <param name="Action">The action id, <c>fetch:template</c>.</param>
/// <param name="Input">The input with its <c>${{ }}</c> expressions unrendered.</param>
/// <param name="If">The condition: a boolean or an expression string; null runs the step.</param>
/// <param name="Each">A list, or an expression giving a list or object, to run the step once per item.</param>
public sealed record TemplateStep(string Id, string Name, string Action, JsonObject Input, JsonNode? If, JsonNode? Each);
