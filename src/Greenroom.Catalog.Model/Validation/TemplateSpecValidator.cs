using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>The parts of the scaffolder's <c>Template.v1beta3</c> schema that are more than flat fields: parameters, steps, output.</summary>
internal static class TemplateSpecValidator
{
    public static void Validate(JsonObject spec, ProblemCollector problems)
    {
        ValidateParameters(spec, problems);
        ValidateSteps(spec, problems);
        ValidateOutput(spec, problems);
        ValidateObjectArray(spec, "EXPERIMENTAL_formDecorators", problems, static (item, path, p) =>
        {
            p.RequireString($"{path}.id", item, "id", required: false, nonEmpty: false);
            SpecValidator.RequireObject(item, "input", $"{path}.input", required: false, p);
        });
    }

    private static void ValidateParameters(JsonObject spec, ProblemCollector problems)
    {
        if (!spec.TryGetPropertyValue("parameters", out var node))
        {
            return;
        }

        switch (node)
        {
            case JsonObject:
                break;
            case JsonArray pages:
                for (var i = 0; i < pages.Count; i++)
                {
                    if (pages[i] is not JsonObject)
                    {
                        problems.Add($"spec.parameters[{i}]", $"\"spec.parameters[{i}]\" must be an object (a JSON Schema form page), but found {ProblemCollector.Describe(pages[i])}");
                    }
                }

                break;
            default:
                problems.Add("spec.parameters", $"\"spec.parameters\" must be an object or an array of objects (JSON Schema form pages), but found {ProblemCollector.Describe(node)}");
                break;
        }
    }

    private static void ValidateSteps(JsonObject spec, ProblemCollector problems) =>
        ValidateObjectArray(spec, "steps", problems, static (step, path, p) =>
        {
            p.RequireString($"{path}.action", step, "action", required: true, nonEmpty: false);
            p.RequireString($"{path}.id", step, "id", required: false, nonEmpty: false);
            p.RequireString($"{path}.name", step, "name", required: false, nonEmpty: false);
            SpecValidator.RequireObject(step, "input", $"{path}.input", required: false, p);
            RequireStringOrBoolean(step, "if", $"{path}.if", p);
        });

    private static void ValidateOutput(JsonObject spec, ProblemCollector problems)
    {
        if (SpecValidator.RequireObject(spec, "output", "spec.output", required: false, problems) is not { } output)
        {
            return;
        }

        foreach (var (key, value) in output)
        {
            switch (key)
            {
                case "links":
                    ValidateObjectArray(output, "links", problems, static (link, path, p) =>
                    {
                        RequireStringOrBoolean(link, "if", $"{path}.if", p);
                        foreach (var name in (ReadOnlySpan<string>)["url", "entityRef", "title", "icon"])
                        {
                            p.RequireString($"{path}.{name}", link, name, required: false);
                        }
                    }, "spec.output");
                    break;
                case "text":
                    ValidateObjectArray(output, "text", problems, static (text, path, p) =>
                    {
                        RequireStringOrBoolean(text, "if", $"{path}.if", p);
                        p.RequireString($"{path}.title", text, "title", required: false);
                        p.RequireString($"{path}.icon", text, "icon", required: false);
                        p.RequireString($"{path}.content", text, "content", required: false, nonEmpty: false);
                    }, "spec.output");
                    break;
                default:
                    if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                    {
                        problems.Add($"spec.output.{key}", $"\"spec.output.{key}\" must be a string, but found {ProblemCollector.Describe(value)}");
                    }

                    break;
            }
        }
    }

    private static void ValidateObjectArray(
        JsonObject parent, string key, ProblemCollector problems, Action<JsonObject, string, ProblemCollector> validateItem, string parentPath = "spec")
    {
        var path = $"{parentPath}.{key}";
        if (!parent.TryGetPropertyValue(key, out var node))
        {
            return;
        }

        if (node is not JsonArray items)
        {
            problems.Add(path, $"\"{path}\" must be an array of objects, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is JsonObject item)
            {
                validateItem(item, itemPath, problems);
            }
            else
            {
                problems.Add(itemPath, $"\"{itemPath}\" must be an object, but found {ProblemCollector.Describe(items[i])}");
            }
        }
    }

    private static void RequireStringOrBoolean(JsonObject parent, string key, string path, ProblemCollector problems)
    {
        if (parent.TryGetPropertyValue(key, out var node)
            && (node is not JsonValue value || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)))
        {
            problems.Add(path, $"\"{path}\" must be a string or a boolean, but found {ProblemCollector.Describe(node)}");
        }
    }
}
