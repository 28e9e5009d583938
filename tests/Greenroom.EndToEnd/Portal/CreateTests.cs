using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>The golden path in Chromium: pick the template, fill the form, watch the log, open the new entity.</summary>
[Collection(PortalCollection.Name)]
public sealed class CreateTests(PortalFixture portal)
{
    [Fact]
    public async Task Creates_a_service_from_the_demo_template_and_opens_it_in_the_catalog()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/create");
        await page.GetByRole(AriaRole.Link, new() { Name = "ASP.NET Core service" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ASP.NET Core service" })).ToBeVisibleAsync();

        await page.Locator("#field-name").FillAsync("parcel-labels");
        await page.Locator("#field-description").FillAsync("Prints parcel labels");
        await page.Locator("#field-owner").FillAsync("group:default/platform-team");
        await page.Locator("#field-system").FillAsync("system:default/shipment-booking");
        await page.Locator("#field-repoUrl").FillAsync("github.com?owner=halyard-logistics&repo=parcel-labels");
        await portal.ScreenshotAsync(page, "create-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/create/tasks/"));
        await Expect(page.Locator("[data-task-status]")).ToHaveTextAsync("completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-task-log]")).ToContainTextAsync("Finished step Register in the catalog");
        await portal.ScreenshotAsync(page, "create-task-completed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open in catalog" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/component/parcel-labels"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("parcel-labels") })).ToBeVisibleAsync();
    }
}
