using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Greenroom.Server.Tests.Portal;

/// <summary>Reads what tests need out of rendered pages: the embedded graph JSON and a form's hidden fields.</summary>
internal static partial class PortalHtml
{
    /// <summary>GETs a page's HTML; fails unless the status is <paramref name="expected"/>.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The raw text of the page's graph data block.</summary>
    public static string GraphJsonText(string html)
    {
        var match = GraphBlock().Match(html);
        Assert.True(match.Success, "the page has no graph data block");
        return match.Groups["json"].Value;
    }

    /// <summary>The page's graph data, parsed.</summary>
    public static JsonObject Graph(string html) => JsonNode.Parse(GraphJsonText(html))!.AsObject();

    /// <summary>Node ids of a graph.</summary>
    public static List<string> NodeIds(JsonObject graph) => graph["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

    /// <summary>The hidden fields (antiforgery token, handler name) of the form posting to <paramref name="handler"/>.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string handler)
    {
        var form = Forms().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains($"value=\"{handler}\"", StringComparison.Ordinal));
        Assert.True(form is not null, $"the page has no form for {handler}");
        return Inputs().Matches(form).Select(m => m.Value)
            .Where(i => i.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .ToDictionary(i => Attribute(i, "name"), i => WebUtility.HtmlDecode(Attribute(i, "value")));
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"").Groups["v"].Value;

    [GeneratedRegex("<script type=\"application/json\" data-graph-data>(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex GraphBlock();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Inputs();
}
