using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>Registering a component through the portal, and finding out why an entity is missing on the locations page.</summary>
[Collection(PortalCollection.Name)]
public sealed class LocationsAndRegistrationTests(PortalFixture portal)
{
    private static string Component(string name, string extra = "") => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
          title: {name} title
        spec:
          type: service
          lifecycle: experimental
          owner: booking-team{extra}
        """;

    [Fact]
    public async Task Registers_a_descriptor_through_the_ui_after_analyzing_it_and_the_new_entity_opens()
    {
        var file = portal.Server.WriteFile("registered/catalog-info.yaml", Component("e2e-registered"));
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register existing component" }).ClickAsync();

        await page.GetByLabel("Descriptor URL or file path").FillAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyze" }).ClickAsync();

        await Expect(page.Locator(".analyzed-entities tr[data-ref='component:default/e2e-registered']")).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "register-analyzed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register 1 entity" }).ClickAsync();

        var success = page.Locator(".register-success");
        await Expect(success).ToContainTextAsync("Registered");
        await portal.ScreenshotAsync(page, "register-done");
        await success.GetByRole(AriaRole.Link, new() { Name = "e2e-registered title" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/component/e2e-registered$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("e2e-registered title");

        await page.GotoAsync("/catalog?kind=component&text=e2e-registered");
        await Expect(page.Locator("td[data-column=Name]")).ToHaveTextAsync(["e2e-registered title"]);
    }

    [Fact]
    public async Task A_descriptor_error_shows_with_its_file_and_line_on_the_locations_page()
    {
        var file = portal.Server.WriteFile("broken/catalog-info.yaml", Component("Not A Valid Name!"));
        await RegisterAsync(file);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog-locations");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Only failing") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("show=failing"));
        var card = page.Locator($".location-card:has(h3:text-is('file:{file}'))");
        await Expect(card.Locator(".location-status")).ToHaveTextAsync("Read, with problems");
        await Expect(card.Locator(".problems-table td").First).ToHaveTextAsync($"{file}:4:3");
        await Expect(card.Locator(".problems-table")).ToContainTextAsync("metadata.name");
        await portal.ScreenshotAsync(page, "locations-failing");
    }

    [Fact]
    public async Task A_second_location_claiming_an_existing_entity_is_listed_as_a_conflict()
    {
        var file = portal.Server.WriteFile("conflict/catalog-info.yaml", Component("booking-service"));
        await RegisterAsync(file);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog-locations?show=failing");

        var card = page.Locator($".location-card:has(h3:text-is('file:{file}'))");
        var conflict = card.Locator(".problems-table tr.conflict");
        await Expect(conflict).ToContainTextAsync("component:default/booking-service is already provided by location file:");
        await Expect(conflict.Locator(".conflict-badge")).ToHaveTextAsync("Conflict");

        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Refresh") }).ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToContainTextAsync($"Refreshed file:{file}: 0 entities, 1 problems.");
    }

    private async Task RegisterAsync(string file)
    {
        using var client = portal.Server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/catalog/locations", new { type = "file", target = file });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
