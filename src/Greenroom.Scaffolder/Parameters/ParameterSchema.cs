using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;

namespace Greenroom.Scaffolder.Parameters;

/// <summary>The form a template asks for, shaped as Backstage's <c>parameter-schema</c> answer.</summary>
public static class ParameterSchema
{
    /// <summary><c>{title, description, steps: [{title, description, schema}]}</c>.</summary>
    public static JsonObject Describe(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var steps = new JsonArray();
        foreach (var schema in template.Parameters)
        {
            var step = new JsonObject
            {
                ["title"] = schema["title"]?.DeepClone() ?? "Please enter the following information",
                ["schema"] = schema.DeepClone(),
            };
            if (schema["description"] is { } description)
            {
                step["description"] = description.DeepClone();
            }

            steps.Add(step);
        }

        var result = new JsonObject { ["title"] = template.Title };
        if (template.Description is not null)
        {
            result["description"] = template.Description;
        }

        result["steps"] = steps;
        return result;
    }

    /// <summary>
    /// Names of parameters the form treats as secret (<c>ui:field: Secret</c> or <c>ui:widget: password</c>): they are
    /// masked in the stored task and tainted like <c>secrets.*</c> while the task runs.
    /// </summary>
    public static IReadOnlySet<string> SecretParameters(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in template.Parameters)
        {
            if (schema["properties"] is not JsonObject properties)
            {
                continue;
            }

            foreach (var (name, property) in properties)
            {
                if (property?["ui:field"]?.ToString() == "Secret" || property?["ui:widget"]?.ToString() == "password")
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
