using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Builds the stored task spec (Backstage's TaskSpec shape) with secret parameters masked.</summary>
internal static class TaskSpecBuilder
{
    public const string Mask = "***";

    public static JsonObject Build(TemplateDefinition template, JsonObject values, string userRef)
    {
        var secretNames = ParameterSchema.SecretParameters(template);
        var parameters = new JsonObject();
        foreach (var (name, value) in values)
        {
            parameters[name] = secretNames.Contains(name) ? Mask : value?.DeepClone();
        }

        var steps = new JsonArray();
        foreach (var step in template.Steps)
        {
            var item = new JsonObject { ["id"] = step.Id, ["name"] = step.Name, ["action"] = step.Action, ["input"] = step.Input.DeepClone() };
            if (step.If is not null)
            {
                item["if"] = step.If.DeepClone();
            }

            if (step.Each is not null)
            {
                item["each"] = step.Each.DeepClone();
            }

            steps.Add(item);
        }

        return new JsonObject
        {
            ["apiVersion"] = TemplateDefinition.ApiVersion,
            ["steps"] = steps,
            ["output"] = template.Output?.DeepClone() ?? new JsonObject(),
            ["parameters"] = parameters,
            ["user"] = new JsonObject { ["ref"] = userRef },
            ["templateInfo"] = new JsonObject
            {
                ["entityRef"] = template.EntityRef,
                ["baseUrl"] = template.Location,
                ["entity"] = new JsonObject { ["metadata"] = template.Entity["metadata"]?.DeepClone() },
            },
        };
    }
}
