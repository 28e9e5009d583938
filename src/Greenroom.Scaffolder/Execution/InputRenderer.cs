using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Templating;

namespace Greenroom.Scaffolder.Execution;

/// <summary>
/// Renders step inputs and outputs. Secrets may flow only into the top-level inputs an action declares secret; a
/// secret-derived value anywhere else (however transformed) fails with the step and input named. The check is on
/// the taint bit, not on the text, so <c>| upper</c>, <c>| replace</c> or <c>| dump</c> cannot launder a secret.
/// </summary>
internal sealed class InputRenderer(TemplateEngine engine)
{
    public (JsonObject Input, Dictionary<string, string?> Secrets) RenderInput(
        string stepId, string actionId, JsonObject input, IReadOnlySet<string> secretInputs, TemplateScope scope)
    {
        var rendered = new JsonObject();
        var secrets = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in input)
        {
            var path = $"input.{key}";
            if (secretInputs.Contains(key))
            {
                var secret = RenderTree(stepId, path, value, scope, allowSecret: true);
                secrets[key] = secret.Value is null or Undefined or false ? null : Values.ToText(secret.Value);
                continue;
            }

            var result = RenderTree(stepId, path, value, scope, allowSecret: false, actionId, secretInputs);
            if (!result.IsUndefined)
            {
                rendered[key] = Values.ToJson(result.Value);
            }
        }

        return (rendered, secrets);
    }

    /// <summary>Renders a node with no secrets allowed (spec.output, <c>if</c>, <c>each</c>).</summary>
    public TemplateValue Render(string stepId, string path, JsonNode? node, TemplateScope scope) =>
        RenderTree(stepId, path, node, scope, allowSecret: false);

    private TemplateValue RenderTree(
        string stepId, string path, JsonNode? node, TemplateScope scope, bool allowSecret, string? actionId = null, IReadOnlySet<string>? secretInputs = null)
    {
        switch (node)
        {
            case JsonObject o:
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                var secret = false;
                foreach (var (key, value) in o)
                {
                    var item = RenderTree(stepId, $"{path}.{key}", value, scope, allowSecret, actionId, secretInputs);
                    secret |= item.Secret;
                    if (!item.IsUndefined)
                    {
                        map[key] = item.Value;
                    }
                }

                return new TemplateValue(map, secret);
            case JsonArray a:
                var list = new List<object?>();
                var anySecret = false;
                for (var i = 0; i < a.Count; i++)
                {
                    var item = RenderTree(stepId, $"{path}[{i}]", a[i], scope, allowSecret, actionId, secretInputs);
                    anySecret |= item.Secret;
                    list.Add(item.IsUndefined ? null : item.Value);
                }

                return new TemplateValue(list, anySecret);
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                TemplateValue rendered;
                try
                {
                    rendered = engine.RenderValue($"step '{stepId}' {path}", v.GetValue<string>(), scope);
                }
                catch (TemplateRenderException e)
                {
                    throw new StepFailedException($"Step '{stepId}' {path}: {e.Message}", e);
                }

                if (rendered.Secret && !allowSecret)
                {
                    throw new StepFailedException(SecretMisuse(stepId, path, actionId, secretInputs));
                }

                return rendered;
            default:
                return new TemplateValue(Values.FromJson(node), false);
        }
    }

    private static string SecretMisuse(string stepId, string path, string? actionId, IReadOnlySet<string>? secretInputs) =>
        actionId is null
            ? $"Step '{stepId}' {path} uses a secret; secrets may only be passed to action inputs declared secret, never to conditions, loops or outputs"
            : $"Step '{stepId}' {path} uses a secret, but action '{actionId}' does not declare that input secret" +
              (secretInputs is { Count: > 0 } ? $" (its secret inputs: {string.Join(", ", secretInputs.Order(StringComparer.Ordinal))})" : " (it has no secret inputs)") +
              "; secrets never reach logs, outputs or files";
}
