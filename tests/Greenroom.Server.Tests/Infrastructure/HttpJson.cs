using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>Small helpers that read responses as JSON and check Backstage's error shape.</summary>
public static class HttpJson
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The names of an array of entities, in order.</summary>
    public static List<string> Names(JsonNode entities) =>
        entities.AsArray().Select(e => e!["metadata"]!["name"]!.GetValue<string>()).ToList();

    /// <summary>Asserts <c>{error: {name, message}, request: {method, url}, response: {statusCode}}</c> and returns the message.</summary>
    public static string AssertBackstageError(JsonNode body, string name, int statusCode, string method, string urlStart)
    {
        Assert.Equal(name, body["error"]!["name"]!.GetValue<string>());
        Assert.Equal(statusCode, body["response"]!["statusCode"]!.GetValue<int>());
        Assert.Equal(method, body["request"]!["method"]!.GetValue<string>());
        Assert.StartsWith(urlStart, body["request"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var message = body["error"]!["message"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }
}
