using System.Net;
using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>Reading a demo component's docs in Chromium: from the entity's Docs tab into the reader, across pages and anchors.</summary>
[Collection(PortalCollection.Name)]
public sealed class DocsReadingTests(PortalFixture portal)
{
    [Fact]
    public async Task Opens_docs_from_the_entity_page_and_follows_a_link_to_a_heading_on_another_page()
    {
        await WaitForDocsAsync("default/component/booking-service");
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/component/booking-service");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Entity views" }).GetByRole(AriaRole.Link, new() { Name = "Docs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the docs" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/docs/default/component/booking-service/$"));
        await Expect(page.Locator(".docs-content h1")).ToHaveTextAsync("Booking Service");
        await Expect(page.Locator(".docs-content .admonition.warning .admonition-title")).ToContainTextAsync("Cut-off times");
        await portal.ScreenshotAsync(page, "docs-booking-service-home");

        // "quote engine" links to architecture.md#dependencies: a page in directory style, landing on the heading.
        await page.Locator(".docs-content").GetByRole(AriaRole.Link, new() { Name = "quote engine" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/docs/default/component/booking-service/architecture/#dependencies$"));
        var heading = page.Locator("#dependencies");
        await Expect(heading).ToHaveTextAsync("Dependencies");
        await Expect(heading).ToBeInViewportAsync();
        await Expect(page.Locator(".docs-nav a.active")).ToHaveTextAsync("Architecture");
        await Expect(page.Locator(".docs-content code.mermaid")).ToContainTextAsync("sequenceDiagram");
        await portal.ScreenshotAsync(page, "docs-booking-service-architecture");
    }

    [Fact]
    public async Task Docs_index_lists_the_demo_sites()
    {
        await WaitForDocsAsync("default/component/tracking-service");
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/docs");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tracking Service" }).ClickAsync();

        await Expect(page.Locator(".docs-content h1")).ToHaveTextAsync("Tracking Service");
        await page.Locator(".docs-toc").GetByRole(AriaRole.Link, new() { Name = "Endpoints at a glance" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#endpoints-at-a-glance$"));
    }

    private async Task WaitForDocsAsync(string entityPath)
    {
        using var client = new HttpClient { BaseAddress = portal.Server.BaseAddress };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await client.GetAsync(new Uri($"/api/greenroom/techdocs/{entityPath}", UriKind.Relative), timeout.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
