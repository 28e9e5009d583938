using System.Text.Json.Nodes;

namespace Greenroom.Cli.Templates;

/// <summary>A checked request to run a template locally.</summary>
/// <param name="TemplateFile">Absolute path of the <c>template.yaml</c>; its relative <c>url</c>s (<c>./skeleton</c>) resolve against its folder.</param>
/// <param name="Template">The Template entity, parsed and validated.</param>
/// <param name="Values">The parameter values (what the form would submit).</param>
/// <param name="OutputDirectory">Absolute path of the folder to write the result to; it exists and is empty.</param>
public sealed record TemplateRunRequest(string TemplateFile, JsonObject Template, JsonObject Values, string OutputDirectory);
