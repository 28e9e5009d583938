using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>Reads portal pages as DOM documents, and posts the portal's forms the way a browser does (antiforgery token included).</summary>
public static class PortalDocument
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs a page and parses it, asserting the status.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ParseAsync(response, expected);
    }

    /// <summary>
    /// Posts the named form (<paramref name="formName"/>) of the page at <paramref name="url"/> with <paramref name="fields"/>, taking the
    /// antiforgery token from a fresh GET of the page as a browser would, and parses the answer.
    /// </summary>
    public static async Task<IDocument> PostFormAsync(this HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ParseAsync(response, expected);
    }

    /// <summary>The trimmed, whitespace-collapsed text of every element matching <paramref name="selector"/>.</summary>
    public static List<string> Texts(this IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        return await Parser.ParseDocumentAsync(text);
    }
}
