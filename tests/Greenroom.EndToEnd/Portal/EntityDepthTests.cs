using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>Entity pages in Chromium: the drawn dependency graph, API definitions, refresh and unregister.</summary>
[Collection(PortalCollection.Name)]
public sealed class EntityDepthTests(PortalFixture portal)
{
    [Fact]
    public async Task Dependencies_tab_draws_the_graph_and_a_node_opens_its_entity()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/address-validation/dependencies");

        var nodes = page.Locator("svg.graph-svg g.graph-node");
        await Expect(page.Locator("[data-entity-graph][data-graph-drawn=true]")).ToHaveCountAsync(1);
        Assert.True(await nodes.CountAsync() > 3, "expected several nodes");
        Assert.True(await page.Locator("svg.graph-svg .graph-edge-label").CountAsync() > 2, "expected labelled edges");
        await Expect(page.Locator("svg.graph-svg g.graph-root")).ToHaveAttributeAsync("data-ref", "component:default/address-validation");
        Assert.False(await page.Locator("[data-graph-list]").GetAttributeAsync("open") is not null, "the list folds away once the graph is drawn");
        await portal.ScreenshotAsync(page, "dependencies-graph");

        await page.Locator("svg.graph-svg g.graph-node[data-ref='group:default/booking-team']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/group/booking-team$"));
    }

    [Fact]
    public async Task Depth_control_shows_more_of_the_neighbourhood_and_keeps_it_in_the_url()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/address-validation/dependencies");
        await Expect(page.Locator("[data-graph-drawn=true]")).ToHaveCountAsync(1);
        var one = await page.Locator("svg.graph-svg g.graph-node").CountAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Graph depth" }).GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/dependencies\\?depth=2$"));
        await Expect(page.Locator("[data-graph-drawn=true]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("svg.graph-svg g.graph-node").CountAsync() > one, "depth 2 shows more entities than depth 1");
        await portal.ScreenshotAsync(page, "dependencies-graph-depth-2");
    }

    [Fact]
    public async Task Without_javascript_the_dependencies_are_lists_of_links()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Server.BaseAddress.ToString().TrimEnd('/'), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/address-validation/dependencies");

        Assert.Equal(0, await page.Locator("svg.graph-svg").CountAsync());
        await Expect(page.Locator("[data-graph-list] ul[data-relation=ownerOf] a[href='/catalog/default/group/booking-team']").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Api_definition_tab_lists_operations_that_unfold_to_parameters_and_schemas()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/api/booking-api/definition");

        var operation = page.Locator("details.operation", new() { HasText = "Book a shipment" });
        await Expect(operation.Locator(".method")).ToHaveTextAsync("POST");
        await operation.Locator("summary").ClickAsync();

        await Expect(operation.Locator("table.parameters")).ToContainTextAsync("Idempotency-Key");
        await Expect(operation).ToContainTextAsync("ShipmentRequest");
        await Expect(operation.Locator(".schema-properties").First).ToContainTextAsync("recipient");
        await portal.ScreenshotAsync(page, "api-definition-openapi");
    }

    [Fact]
    public async Task Graphql_and_grpc_definitions_are_highlighted()
    {
        var page = await portal.NewPageAsync();
        foreach (var language in new[] { "graphql", "protobuf" })
        {
            var apiType = language == "protobuf" ? "grpc" : "graphql";
            await page.GotoAsync("/catalog?kind=api&type=" + apiType);
            await page.Locator("td[data-column=Name] a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Definition", Exact = true }).ClickAsync();

            await Expect(page.Locator($"code[data-highlight={language}].hljs")).ToHaveCountAsync(1);
            Assert.True(await page.Locator($"code[data-highlight={language}] span[class^=hljs-]").CountAsync() > 3, $"{language} tokens are coloured");
            await portal.ScreenshotAsync(page, "api-definition-" + language);
        }
    }

    [Fact]
    public async Task Refresh_reads_the_location_again_and_says_so()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/address-validation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refreshed");
    }

    [Fact]
    public async Task Unregister_asks_for_confirmation_then_removes_the_location_and_its_entities()
    {
        var file = portal.Server.WriteFile("unregister/catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: short-lived
            spec:
              type: service
              lifecycle: experimental
              owner: booking-team
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata:
              name: short-lived-db
            spec:
              type: database
              owner: booking-team
            """);
        using var client = portal.Server.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/catalog/locations", new { type = "file", target = file });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/short-lived");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unregister…" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/component/short-lived/unregister$"));
        await Expect(page.Locator(".location-target")).ToContainTextAsync(file);
        await Expect(page.Locator(".removal-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".removal-list")).ToContainTextAsync("short-lived-db");
        await portal.ScreenshotAsync(page, "unregister-confirmation");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Unregister location") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog\\?unregistered=2$"));
        await Expect(page.Locator(".notice.success")).ToContainTextAsync("2 entities were removed");
        var gone = await page.GotoAsync("/catalog/default/component/short-lived");
        Assert.Equal(404, gone!.Status);
    }

    [Fact]
    public async Task Hostile_names_in_the_graph_and_a_hostile_definition_never_execute()
    {
        var file = portal.Server.WriteFile("hostile-api/catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: hostile-graph-node
              title: "</script><script>window.__pwned = 'graph-title'</script><img src=x onerror=\"window.__pwned='img'\">"
            spec:
              type: service
              lifecycle: production
              owner: booking-team
              dependsOn: [component:address-validation]
              consumesApis: [hostile-definition]
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: hostile-definition
              title: "<svg onload=\"window.__pwned='api-title'\">"
            spec:
              type: openapi
              lifecycle: production
              owner: booking-team
              definition: |
                openapi: 3.0.3
                info:
                  title: "</code><script>window.__pwned = 'info'</script>"
                  version: "1"
                paths:
                  /evil:
                    get:
                      summary: "<img src=x onerror=\"window.__pwned='summary'\">"
                      responses:
                        '200':
                          description: "<script>window.__pwned='response'</script>"
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: hostile-graphql
            spec:
              type: graphql
              lifecycle: production
              owner: booking-team
              definition: |
                # </code><script>window.__pwned = 'graphql'</script>
                type Query { evil: String }
            """);
        using var client = portal.Server.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/catalog/locations", new { type = "file", target = file });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        var page = await portal.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        foreach (var path in new[]
        {
            "/catalog/default/component/hostile-graph-node/dependencies",
            "/catalog/default/component/address-validation/dependencies",
            "/catalog/default/api/hostile-definition/dependencies?depth=2",
            "/catalog/default/api/hostile-definition/definition",
            "/catalog/default/api/hostile-definition",
            "/catalog/default/api/hostile-graphql/definition",
            "/catalog/default/component/hostile-graph-node/unregister",
        })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
            Assert.Equal(0, await page.Locator("main img, main script:not([type]):not([src]):not([type=module])").CountAsync());
        }

        await page.GotoAsync("/catalog/default/component/hostile-graph-node/dependencies");
        await Expect(page.Locator("svg.graph-svg g.graph-root .graph-node-label")).ToContainTextAsync("</script><script>");
        await page.GotoAsync("/catalog/default/api/hostile-definition/definition");
        await page.Locator("details.operation summary").First.ClickAsync();
        await Expect(page.Locator("details.operation summary").First).ToContainTextAsync("<img src=x");
        Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await portal.ScreenshotAsync(page, "hostile-definition");
    }
}
