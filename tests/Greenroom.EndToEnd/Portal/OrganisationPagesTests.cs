using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>"Who is doing and being responsible for what": group, user and system pages in Chromium.</summary>
[Collection(PortalCollection.Name)]
public sealed class OrganisationPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_group_page_shows_its_members_and_what_it_owns_and_links_to_all_of_it_in_the_catalog()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/group/booking-team");

        var members = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Members") });
        await Expect(members.GetByRole(AriaRole.Link, new() { Name = "Aisha Bello" })).ToBeVisibleAsync();
        await Expect(members.GetByRole(AriaRole.Link, new() { Name = "aisha.bello@halyard.example" })).ToHaveAttributeAsync("href", "mailto:aisha.bello@halyard.example");
        var owned = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Owns") });
        await Expect(owned.GetByRole(AriaRole.Link, new() { Name = "booking-service", Exact = true })).ToBeVisibleAsync();
        await Expect(owned.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Resource") })).ToBeVisibleAsync();
        var ownedCount = await owned.Locator("td[data-column=Name]").CountAsync();
        await portal.ScreenshotAsync(page, "group-booking-team");

        await owned.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^See all") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog\\?kind=all&owner=group"));
        Assert.Equal(ownedCount, await page.Locator("td[data-column=Name]").CountAsync());
    }

    [Fact]
    public async Task A_user_page_shows_their_team_and_a_member_link_leads_there()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/user/aisha.bello");

        var teams = page.GetByRole(AriaRole.Region, new() { Name = "Teams", Exact = true });
        await Expect(teams).ToContainTextAsync("booking-team");
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Owned by them") })).ToContainTextAsync("booking-service");

        await teams.GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/group/booking-team$"));
    }

    [Fact]
    public async Task A_system_page_lists_its_parts_and_links_to_its_graph()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog/default/system/billing");

        var parts = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Parts of this system") });
        await Expect(parts.GetByRole(AriaRole.Link, new() { Name = "invoicing-service", Exact = true })).ToBeVisibleAsync();
        await Expect(parts.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^APIs") })).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "system-billing");

        await parts.GetByRole(AriaRole.Link, new() { Name = "See the system's graph" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/system/billing/dependencies$"));
    }
}
