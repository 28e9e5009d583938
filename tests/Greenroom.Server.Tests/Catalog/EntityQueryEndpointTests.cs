using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

public sealed class EntityQueryEndpointTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    private static readonly string[] AllNamesSorted =
        ["alice", "checkout", "fixtures", "inventory", "pets", "petstore", "petstore-api", "team-a", "team-b"];

    private readonly HttpClient _client = fixture.Client;

    private static List<string> ItemNames(JsonNode page) => HttpJson.Names(page["items"]!);

    private static string? Cursor(JsonNode page, string name) => page["pageInfo"]![name]?.GetValue<string>();

    [Fact]
    public async Task Pages_forwards_then_backwards_with_cursors_and_a_stable_total()
    {
        var page = await _client.GetJsonAsync("/api/catalog/entities/by-query?limit=2&orderField=metadata.name,asc&fields=metadata.name");
        Assert.Null(Cursor(page, "prevCursor"));
        var forward = new List<List<string>>();
        while (true)
        {
            Assert.Equal(FixtureCatalog.EntityCount, page["totalItems"]!.GetValue<int>());
            forward.Add(ItemNames(page));
            var next = Cursor(page, "nextCursor");
            if (next is null)
            {
                break;
            }

            page = await _client.GetJsonAsync($"/api/catalog/entities/by-query?limit=2&cursor={Uri.EscapeDataString(next)}");
        }

        Assert.Equal(AllNamesSorted, forward.SelectMany(p => p));
        Assert.Equal([2, 2, 2, 2, 1], forward.Select(p => p.Count));

        var backward = new List<List<string>>();
        while (Cursor(page, "prevCursor") is { } prev)
        {
            page = await _client.GetJsonAsync($"/api/catalog/entities/by-query?limit=2&cursor={Uri.EscapeDataString(prev)}");
            Assert.Equal(FixtureCatalog.EntityCount, page["totalItems"]!.GetValue<int>());
            Assert.NotNull(Cursor(page, "nextCursor"));
            backward.Add(ItemNames(page));
        }

        backward.Reverse();
        Assert.Equal(forward.Take(forward.Count - 1), backward);
    }

    [Fact]
    public async Task Orders_descending_and_keeps_filter_across_pages()
    {
        var first = await _client.GetJsonAsync("/api/catalog/entities/by-query?limit=2&orderField=metadata.name,desc&filter=kind=component");
        Assert.Equal(["petstore", "inventory"], ItemNames(first));
        Assert.Equal(3, first["totalItems"]!.GetValue<int>());

        var second = await _client.GetJsonAsync($"/api/catalog/entities/by-query?limit=2&cursor={Uri.EscapeDataString(Cursor(first, "nextCursor")!)}");
        Assert.Equal(["checkout"], ItemNames(second));
        Assert.Null(Cursor(second, "nextCursor"));
    }

    [Fact]
    public async Task Full_text_searches_name_and_title_by_default()
    {
        // "alpha" is only in Team Alpha's title: Backstage would search only the sort field and miss it.
        var byTitle = await _client.GetJsonAsync("/api/catalog/entities/by-query?fullTextFilterTerm=ALPHA");
        Assert.Equal(["team-a"], ItemNames(byTitle));

        var byName = await _client.GetJsonAsync("/api/catalog/entities/by-query?fullTextFilterTerm=pet&orderField=metadata.name");
        Assert.Equal(["pets", "petstore", "petstore-api"], ItemNames(byName));
        Assert.Equal(3, byName["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Full_text_searches_the_given_fields()
    {
        var result = await _client.GetJsonAsync("/api/catalog/entities/by-query?fullTextFilterTerm=stock&fullTextFilterFields=metadata.description");

        Assert.Equal(["inventory"], ItemNames(result));
    }

    [Fact]
    public async Task Defaults_to_pages_of_twenty_and_limit_zero_only_counts()
    {
        var all = await _client.GetJsonAsync("/api/catalog/entities/by-query");
        Assert.Equal(FixtureCatalog.EntityCount, ItemNames(all).Count);
        Assert.Null(Cursor(all, "nextCursor"));

        var count = await _client.GetJsonAsync("/api/catalog/entities/by-query?limit=0&filter=kind=group");
        Assert.Empty(count["items"]!.AsArray());
        Assert.Equal(2, count["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_tampered_cursor_is_an_input_error()
    {
        var cursor = Convert.ToBase64String("""{"orderFields":[],"orderFieldValues":[],"isPrevious":false,"totalItems":1}"""u8.ToArray());

        var result = await _client.GetJsonAsync($"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(cursor)}", HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "GET", "/api/catalog/entities/by-query");
    }
}
