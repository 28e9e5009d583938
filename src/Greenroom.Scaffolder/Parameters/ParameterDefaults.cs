using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;

namespace Greenroom.Scaffolder.Parameters;

/// <summary>
/// Fills in the <c>default</c> of every parameter the caller left out, as the form does in the browser, so an API
/// caller or the CLI gets the same result as someone who submitted the form untouched.
/// </summary>
public static class ParameterDefaults
{
    /// <summary>A copy of <paramref name="values"/> with each missing property that declares a default set to it.</summary>
    public static JsonObject Apply(TemplateDefinition template, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var result = values.DeepClone().AsObject();
        foreach (var step in template.Parameters)
        {
            Fill(step, result);
        }

        return result;
    }

    private static void Fill(JsonObject schema, JsonObject target)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject property)
            {
                continue;
            }

            if (!target.ContainsKey(name) && property["default"] is { } value)
            {
                target[name] = value.DeepClone();
            }

            // Nested objects get their own defaults when the caller gave the object (or its default created it).
            if (target[name] is JsonObject nested)
            {
                Fill(property, nested);
            }
        }
    }
}
