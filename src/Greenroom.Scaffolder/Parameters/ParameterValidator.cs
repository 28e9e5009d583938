using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Json.Schema;

namespace Greenroom.Scaffolder.Parameters;

/// <summary>Validates the values of a task against every parameter step's JSON Schema (JsonSchema.Net).</summary>
public static class ParameterValidator
{
    /// <summary>One line per problem, each naming the field (<c>parameters.name: …</c>); empty when the values are valid.</summary>
    public static IReadOnlyList<string> Validate(TemplateDefinition template, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        using var document = JsonDocument.Parse(values.ToJsonString());
        var problems = new List<string>();
        for (var i = 0; i < template.Parameters.Count; i++)
        {
            JsonSchema schema;
            try
            {
                schema = SchemaFactory.Build(template.Parameters[i]);
            }
            catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
            {
                problems.Add($"spec.parameters[{i}]: not a valid JSON Schema: {e.Message}");
                continue;
            }

            var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                continue;
            }

            foreach (var detail in (results.Details ?? []).Append(results))
            {
                foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                {
                    var field = Field(detail.InstanceLocation.ToString());
                    var line = $"{field}: {message}";
                    if (keyword != "$ref" && !problems.Contains(line, StringComparer.Ordinal))
                    {
                        problems.Add(line);
                    }
                }
            }
        }

        return problems;
    }

    private static string Field(string pointer) =>
        pointer is "" or "/" ? "parameters" : "parameters." + string.Join('.', pointer.TrimStart('/').Split('/').Select(Unescape));

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
