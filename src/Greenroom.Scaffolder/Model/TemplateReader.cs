using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Model;

/// <summary>Reads a Template entity (JSON, as the catalog serves it) into a <see cref="TemplateDefinition"/>.</summary>
public static class TemplateReader
{
    /// <summary>Reads <paramref name="entity"/>; throws <see cref="TemplateModelException"/> listing every problem.</summary>
    public static TemplateDefinition Read(JsonObject entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var problems = new List<string>();
        var apiVersion = Text(entity["apiVersion"]);
        if (apiVersion != TemplateDefinition.ApiVersion)
        {
            problems.Add($"apiVersion: must be {TemplateDefinition.ApiVersion} (found {apiVersion ?? "nothing"})");
        }

        if (!string.Equals(Text(entity["kind"]), "Template", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"kind: must be Template (found {Text(entity["kind"]) ?? "nothing"})");
        }

        var metadata = entity["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("metadata.name: required");
        }

        var ns = Text(metadata?["namespace"]) ?? "default";
        var spec = entity["spec"] as JsonObject;
        if (spec is null)
        {
            problems.Add("spec: required, an object");
        }

        var parameters = ReadParameters(spec?["parameters"], problems);
        var steps = ReadSteps(spec?["steps"], problems);
        var output = spec?["output"];
        if (output is not null and not JsonObject)
        {
            problems.Add("spec.output: must be an object (links, text)");
        }

        if (problems.Count > 0)
        {
            throw new TemplateModelException(problems);
        }

        return new TemplateDefinition(
            $"template:{ns}/{name}".ToLowerInvariant(),
            Text(metadata?["title"]) ?? name!,
            Text(metadata?["description"]),
            parameters,
            steps,
            output as JsonObject,
            entity);
    }

    private static List<JsonObject> ReadParameters(JsonNode? node, List<string> problems)
    {
        switch (node)
        {
            case null:
                return [];
            case JsonObject single:
                return [single];
            case JsonArray list:
                var result = new List<JsonObject>();
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject step)
                    {
                        result.Add(step);
                    }
                    else
                    {
                        problems.Add($"spec.parameters[{i}]: must be an object (a JSON Schema)");
                    }
                }

                return result;
            default:
                problems.Add("spec.parameters: must be an object or a list of objects (JSON Schemas)");
                return [];
        }
    }

    private static List<TemplateStep> ReadSteps(JsonNode? node, List<string> problems)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            problems.Add("spec.steps: must be a list");
            return [];
        }

        var steps = new List<TemplateStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"spec.steps[{i}]";
            if (list[i] is not JsonObject step)
            {
                problems.Add($"{at}: must be an object");
                continue;
            }

            var id = step["id"] is null ? $"step-{i + 1}" : Text(step["id"]);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add($"{at}.id: must be a non-empty string");
                continue;
            }

            if (!ids.Add(id))
            {
                problems.Add($"{at}.id: '{id}' is used by an earlier step");
            }

            var action = Text(step["action"]);
            if (string.IsNullOrWhiteSpace(action))
            {
                problems.Add($"{at}.action: required, the action id (for example fetch:template)");
            }

            if (step["input"] is not null and not JsonObject)
            {
                problems.Add($"{at}.input: must be an object");
            }

            if (step["if"] is JsonNode condition && condition.GetValueKind() is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"{at}.if: must be a boolean or an expression string");
            }

            if (step["each"] is JsonNode each && each.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Object))
            {
                problems.Add($"{at}.each: must be a list or an expression string");
            }

            steps.Add(new TemplateStep(
                id,
                Text(step["name"]) ?? id,
                action ?? string.Empty,
                (step["input"] as JsonObject)?.DeepClone().AsObject() ?? [],
                step["if"]?.DeepClone(),
                step["each"]?.DeepClone()));
        }

        return steps;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
