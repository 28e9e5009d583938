using System.Text;
using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Execution;

/// <summary>
/// A second line of defence behind the taint check: should an action itself echo a secret it was given (into a log
/// line or an output), its common spellings are masked before anything is recorded.
/// </summary>
internal sealed class SecretScrubber
{
    private readonly List<string> _forms;

    public SecretScrubber(IEnumerable<string> secrets)
    {
        _forms = [.. secrets
            .Where(s => s.Length >= 4)
            .SelectMany(s => new[] { s, s.ToUpperInvariant(), s.ToLowerInvariant(), Convert.ToBase64String(Encoding.UTF8.GetBytes(s)), Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
    }

    public string Scrub(string text)
    {
        foreach (var form in _forms)
        {
            text = text.Replace(form, "***", StringComparison.Ordinal);
        }

        return text;
    }

    public JsonNode? Scrub(JsonNode? node)
    {
        if (_forms.Count == 0 || node is null)
        {
            return node;
        }

        try
        {
            return JsonNode.Parse(Scrub(node.ToJsonString()));
        }
        catch (System.Text.Json.JsonException)
        {
            // A secret spelled with JSON syntax in it: drop the whole value rather than risk a remainder.
            return JsonValue.Create("***");
        }
    }
}
