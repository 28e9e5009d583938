using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Catalog;

public sealed class EntityEndpointsTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<List<string>> SortedNamesAsync(string query)
    {
        var names = HttpJson.Names(await _client.GetJsonAsync($"/api/catalog/entities?{query}"));
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    [Fact]
    public async Task Lists_every_entity_as_a_bare_array()
    {
        var entities = await _client.GetJsonAsync("/api/catalog/entities");

        Assert.Equal(FixtureCatalog.EntityCount, entities.AsArray().Count);
        Assert.All(entities.AsArray(), e => Assert.False(string.IsNullOrEmpty(e!["metadata"]!["uid"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Statements_in_one_filter_are_anded() =>
        Assert.Equal(["inventory", "petstore"], await SortedNamesAsync("filter=kind=component,spec.type=service"));

    [Fact]
    public async Task Repeated_filters_are_ored() =>
        Assert.Equal(["alice", "team-a", "team-b"], await SortedNamesAsync("filter=kind=group&filter=kind=user"));

    [Fact]
    public async Task The_same_key_twice_matches_any_of_its_values() =>
        Assert.Equal(["checkout", "inventory", "petstore", "petstore-api"], await SortedNamesAsync("filter=kind=component,kind=api"));

    [Fact]
    public async Task A_bare_key_matches_entities_that_have_it() =>
        Assert.Equal(["checkout", "petstore"], await SortedNamesAsync("filter=kind=component,metadata.title"));

    [Fact]
    public async Task Filters_ignore_case_in_keys_and_values() =>
        Assert.Equal(["inventory", "petstore"], await SortedNamesAsync("filter=KIND=Component,Spec.Lifecycle=PRODUCTION"));

    [Fact]
    public async Task Filters_on_relations_by_lower_cased_target_ref()
    {
        // checkout's spec says "Team-B"; the relation target is lower-cased, so both spellings find it.
        Assert.Equal(["checkout", "inventory"], await SortedNamesAsync("filter=relations.ownedby=group:default/team-b"));
        Assert.Equal(["checkout", "inventory"], await SortedNamesAsync("filter=relations.ownedBy=Group:default/Team-B"));
        Assert.Equal(["team-a"], await SortedNamesAsync("filter=relations.hasmember=user:default/alice"));
    }

    [Fact]
    public async Task Fields_keep_only_the_named_paths()
    {
        var entities = await _client.GetJsonAsync("/api/catalog/entities?filter=kind=system&fields=kind,metadata.name");

        var only = Assert.Single(entities.AsArray());
        Assert.Equal("""{"kind":"System","metadata":{"name":"pets"}}""", only!.ToJsonString());
    }

    [Fact]
    public async Task Orders_by_the_requested_field()
    {
        var names = HttpJson.Names(await _client.GetJsonAsync("/api/catalog/entities?filter=kind=component&order=desc:metadata.name"));

        Assert.Equal(["petstore", "inventory", "checkout"], names);
    }

    [Fact]
    public async Task Pages_with_limit_and_offset_and_links_the_next_page_with_an_after_cursor()
    {
        var first = await _client.GetAsync(new Uri("/api/catalog/entities?filter=kind=component&order=asc:metadata.name&limit=2", UriKind.Relative));
        Assert.Equal(["checkout", "inventory"], HttpJson.Names(await HttpJson.ReadAsync(first, HttpStatusCode.OK)));
        var link = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Matches("^<(/api/catalog/entities\\?[^>]*after=[^>]+)>; rel=\"next\"$", link);

        var next = await _client.GetAsync(new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)], UriKind.Relative));
        Assert.Equal(["petstore"], HttpJson.Names(await HttpJson.ReadAsync(next, HttpStatusCode.OK)));
        Assert.False(next.Headers.Contains("Link"));

        var skipped = HttpJson.Names(await _client.GetJsonAsync("/api/catalog/entities?filter=kind=component&order=asc:metadata.name&offset=1&limit=1"));
        Assert.Equal(["inventory"], skipped);
    }

    [Fact]
    public async Task Gets_an_entity_by_uid_and_by_name_case_insensitively()
    {
        var byName = await _client.GetJsonAsync("/api/catalog/entities/by-name/Component/default/PetStore");
        Assert.Equal("petstore", byName["metadata"]!["name"]!.GetValue<string>());
        Assert.Contains(byName["relations"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "ownedBy" && r["targetRef"]!.GetValue<string>() == "group:default/team-a");

        var uid = byName["metadata"]!["uid"]!.GetValue<string>();
        var byUid = await _client.GetJsonAsync($"/api/catalog/entities/by-uid/{uid}");
        Assert.Equal(byName.ToJsonString(), byUid.ToJsonString());
    }

    [Fact]
    public async Task Unknown_entities_are_not_found_errors()
    {
        var byName = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/nope", HttpStatusCode.NotFound);
        var message = HttpJson.AssertBackstageError(byName, "NotFoundError", 404, "GET", "/api/catalog/entities/by-name/component/default/nope");
        Assert.Contains("nope", message, StringComparison.Ordinal);

        var byUid = await _client.GetJsonAsync("/api/catalog/entities/by-uid/no-such-uid", HttpStatusCode.NotFound);
        HttpJson.AssertBackstageError(byUid, "NotFoundError", 404, "GET", "/api/catalog/entities/by-uid/no-such-uid");

        var ancestry = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/nope/ancestry", HttpStatusCode.NotFound);
        HttpJson.AssertBackstageError(ancestry, "NotFoundError", 404, "GET", "/api/catalog/entities/by-name/component/default/nope/ancestry");
    }

    [Fact]
    public async Task Ancestry_leads_from_the_entity_to_the_location_entity_that_produced_it()
    {
        var ancestry = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/petstore/ancestry");

        Assert.Equal("component:default/petstore", ancestry["rootEntityRef"]!.GetValue<string>());
        var items = ancestry["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("petstore", items[0]!["entity"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(["location:default/fixtures"], items[0]!["parentEntityRefs"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("fixtures", items[1]!["entity"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Empty(items[1]!["parentEntityRefs"]!.AsArray());
    }

    [Fact]
    public async Task By_refs_keeps_the_request_order_with_null_for_missing_entities()
    {
        var body = new { entityRefs = new[] { "component:default/petstore", "component:default/missing", "group:team-a", "API:default/PetStore-API", "not a ref:" }, fields = new[] { "metadata.name" } };

        var result = await _client.PostJsonAsync("/api/catalog/entities/by-refs", body);

        Assert.Equal(
            """[{"metadata":{"name":"petstore"}},null,{"metadata":{"name":"team-a"}},{"metadata":{"name":"petstore-api"}},null]""",
            result["items"]!.ToJsonString());
    }

    [Fact]
    public async Task By_refs_turns_entities_outside_the_filter_into_null()
    {
        var body = new { entityRefs = new[] { "group:default/team-a", "component:default/petstore" } };

        var result = await _client.PostJsonAsync("/api/catalog/entities/by-refs?filter=kind=component", body);

        var items = result["items"]!.AsArray();
        Assert.Null(items[0]);
        Assert.Equal("petstore", items[1]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task By_refs_without_entity_refs_is_an_input_error()
    {
        var result = await _client.PostJsonAsync("/api/catalog/entities/by-refs", new { fields = new[] { "kind" } }, HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "POST", "/api/catalog/entities/by-refs");
    }

    [Fact]
    public async Task Facets_count_values_among_the_filtered_entities()
    {
        var result = await _client.GetJsonAsync("/api/catalog/entity-facets?facet=kind&facet=spec.type&filter=kind=component");

        var kinds = result["facets"]!["kind"]!.AsArray();
        Assert.Equal("""[{"value":"Component","count":3}]""", kinds.ToJsonString());
        var types = result["facets"]!["spec.type"]!.AsArray()
            .ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["service"] = 2, ["website"] = 1 }, types);
    }

    [Fact]
    public async Task Facets_without_a_facet_parameter_is_an_input_error()
    {
        var result = await _client.GetJsonAsync("/api/catalog/entity-facets", HttpStatusCode.BadRequest);

        HttpJson.AssertBackstageError(result, "InputError", 400, "GET", "/api/catalog/entity-facets");
    }

    [Theory]
    [InlineData("/api/catalog/entities?filter==component", "Invalid filter")]
    [InlineData("/api/catalog/entities?order=sideways:metadata.name", "Invalid order")]
    [InlineData("/api/catalog/entities?limit=ten", "Invalid limit")]
    [InlineData("/api/catalog/entities?after=garbage!", "Malformed after cursor")]
    [InlineData("/api/catalog/entities?fields=relations[0]", "array type fields")]
    [InlineData("/api/catalog/entities/by-query?cursor=garbage!", "Malformed cursor")]
    [InlineData("/api/catalog/entities/by-query?orderField=metadata.name,up", "Invalid orderField")]
    [InlineData("/api/catalog/entity-facets?facet=kind&filter=,=x", "Invalid filter")]
    public async Task Malformed_parameters_are_input_errors_in_backstage_shape(string url, string messageStart)
    {
        var result = await _client.GetJsonAsync(url, HttpStatusCode.BadRequest);

        var message = HttpJson.AssertBackstageError(result, "InputError", 400, "GET", url[..url.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Contains(messageStart, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_json_body_is_an_input_error()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/catalog/entities/by-refs", UriKind.Relative), content);

        HttpJson.AssertBackstageError(await HttpJson.ReadAsync(response, HttpStatusCode.BadRequest), "InputError", 400, "POST", "/api/catalog/entities/by-refs");
    }

    [Fact]
    public async Task Entities_carry_their_final_form_with_relations_both_ways()
    {
        var team = await _client.GetJsonAsync("/api/catalog/entities/by-name/group/default/team-a");

        var relations = team["relations"]!.AsArray().Select(r => $"{r!["type"]}>{r["targetRef"]}").ToList();
        Assert.Contains("ownerOf>component:default/petstore", relations);
        Assert.Contains("hasMember>user:default/alice", relations);
        Assert.IsType<JsonObject>(team["metadata"]);
    }

    [Fact]
    public async Task An_unknown_catalog_path_is_a_not_found_error()
    {
        var result = await _client.GetJsonAsync("/api/catalog/no-such-thing", HttpStatusCode.NotFound);

        HttpJson.AssertBackstageError(result, "NotFoundError", 404, "GET", "/api/catalog/no-such-thing");
    }
}
