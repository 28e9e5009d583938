using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>The <c>remotes</c> of an API of type <c>mcp-server</c> or <c>ai-model-server</c>: at least one <c>{ type, url }</c> endpoint.</summary>
internal static class RemoteEndpointsValidator
{
    public static void Validate(JsonObject spec, ProblemCollector problems)
    {
        if (!spec.TryGetPropertyValue("remotes", out var node))
        {
            return; // reported as a missing required field
        }

        if (node is not JsonArray remotes || remotes.Count == 0)
        {
            problems.Add("spec.remotes", $"\"spec.remotes\" must be a non-empty array of {{ type, url }} endpoints, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < remotes.Count; i++)
        {
            var path = $"spec.remotes[{i}]";
            if (remotes[i] is not JsonObject remote)
            {
                problems.Add(path, $"\"{path}\" must be an object with type and url, but found {ProblemCollector.Describe(remotes[i])}");
                continue;
            }

            problems.RequireString($"{path}.type", remote, "type", required: true);
            problems.RequireString($"{path}.url", remote, "url", required: true);
        }
    }
}
