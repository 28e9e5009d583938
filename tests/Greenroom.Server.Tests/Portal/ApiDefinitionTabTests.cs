using System.Net;
using System.Text.RegularExpressions;

namespace Greenroom.Server.Tests.Portal;

/// <summary>The Definition tab of APIs and their providers/consumers card, rendered on the server.</summary>
[Collection(PortalPagesCollection.Name)]
public sealed partial class ApiDefinitionTabTests(PortalCatalogFixture portal)
{
    [Fact]
    public async Task Openapi_3_yaml_shows_operations_by_tag_with_parameters_and_resolved_schemas()
    {
        var text = Text(await portal.GetPageAsync("/catalog/default/api/orders-api/definition"));

        Assert.Contains("Orders · version 1.2.0", text, StringComparison.Ordinal);
        Assert.Contains("OpenAPI 3.0 · 2 operations", text, StringComparison.Ordinal);
        Assert.Contains("GET /orders/{orderId} Read one order", text, StringComparison.Ordinal);
        Assert.Contains("POST /orders Place an order", text, StringComparison.Ordinal);
        Assert.Contains("orderId path string (uuid) required", text, StringComparison.Ordinal);
        Assert.Contains("expand query boolean optional", text, StringComparison.Ordinal);
        Assert.Contains("Request body (required)", text, StringComparison.Ordinal);
        Assert.Contains("quantity * integer — How many pets", text, StringComparison.Ordinal);
        Assert.Contains("one of: \"placed\", \"shipped\"", text, StringComparison.Ordinal);
        Assert.Contains("(recursive: Order again)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_2_json_is_read_too()
    {
        var text = Text(await portal.GetPageAsync("/catalog/default/api/legacy-api/definition"));

        Assert.Contains("Swagger 2.0", text, StringComparison.Ordinal);
        Assert.Contains("GET /stock List stock levels", text, StringComparison.Ordinal);
        Assert.Contains("sku query string required", text, StringComparison.Ordinal);
        Assert.Contains("array of Stock", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_definition_shows_the_parsers_message_and_the_text_not_an_error_page()
    {
        var html = await portal.GetPageAsync("/catalog/default/api/broken-api/definition");

        var text = Text(html);
        Assert.Contains("This OpenAPI definition could not be read.", text, StringComparison.Ordinal);
        var said = text[text.IndexOf("The parser said:", StringComparison.Ordinal)..][..200];
        Assert.True(Regex.IsMatch(said, "Invalid YAML at line \\d+, column \\d+ of the definition: .*expected ',' or ']'"), said);
        Assert.Contains("data-highlight=\"yaml\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_definition_is_shown_as_text()
    {
        var html = await portal.GetPageAsync("/catalog/default/api/hostile-api/definition");

        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned = 5&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph-api", "graphql")]
    [InlineData("grpc-api", "protobuf")]
    public async Task Graphql_and_grpc_definitions_are_marked_for_highlighting(string api, string language)
    {
        var html = await portal.GetPageAsync($"/catalog/default/api/{api}/definition");

        Assert.Contains($"<code class=\"language-{language}\" data-highlight=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains("definition.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_apis_have_a_definition_tab()
    {
        await portal.GetPageAsync("/catalog/default/component/petstore/definition", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_api_overview_lists_its_providers_and_consumers()
    {
        var provided = Text(await portal.GetPageAsync("/catalog/default/api/petstore-api"));
        var consumed = Text(await portal.GetPageAsync("/catalog/default/api/hostile-api"));

        Assert.Matches("Providers and consumers Provided by Pet Store · service Consumed by No component consumes this API.", provided);
        Assert.Contains("Consumed by </script><script>window.__pwned = 1</script> · service", consumed, StringComparison.Ordinal);
    }

    /// <summary>The page's visible text, tags removed and whitespace collapsed.</summary>
    private static string Text(string html) =>
        WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..], " "), " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
