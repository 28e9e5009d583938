using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>Browsing the catalog in Chromium: tabs, facets, sorting, opening an entity and following a relation.</summary>
[Collection(PortalCollection.Name)]
public sealed class CatalogBrowsingTests(PortalFixture portal)
{
    [Fact]
    public async Task Filters_components_by_type_and_keeps_the_filter_in_the_url()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kinds" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Component") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("kind=component"));

        await page.Locator("a[data-facet=type][data-value=library]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("type=library"));
        var types = await page.Locator("td[data-column=Type]").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, type => Assert.Equal("library", type.Trim()));
        await portal.ScreenshotAsync(page, "catalog-filtered-libraries");

        // The same URL opened afresh shows the same view: filters are shareable.
        var shared = await portal.NewPageAsync();
        await shared.GotoAsync(page.Url);
        Assert.Equal(types.Count, await shared.Locator("td[data-column=Type]").CountAsync());
    }

    [Fact]
    public async Task Sorts_by_a_column_and_flips_the_direction_on_a_second_click()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog?kind=component");

        await page.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Name") }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-name"));
        var names = (await page.Locator("td[data-column=Name]").AllInnerTextsAsync()).Select(n => n.Trim().ToLowerInvariant()).ToList();

        Assert.True(names.Count > 2);
        Assert.Equal("descending", await page.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Name") }).GetAttributeAsync("aria-sort"));
        Assert.True(string.CompareOrdinal(names[0], names[^1]) > 0, $"expected descending names, got {names[0]} … {names[^1]}");
    }

    [Fact]
    public async Task Opens_an_entity_and_follows_its_owner_relation_to_the_team_page()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog?kind=component&text=address");
        await page.GetByRole(AriaRole.Link, new() { Name = "address-validation", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/component/address-validation$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("address-validation");
        await Expect(page.Locator(".about-card")).ToContainTextAsync("Normalises and validates postal addresses");
        await portal.ScreenshotAsync(page, "entity-address-validation");

        await page.Locator(".relations-card ul[data-relation=ownedBy] a").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/group/booking-team$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(new Regex("booking", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task An_unknown_entity_answers_404_with_a_helpful_page()
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync("/catalog/default/component/does-not-exist");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.Locator("main")).ToContainTextAsync("does-not-exist");
    }

    [Fact]
    public async Task Theme_toggle_switches_to_dark_and_the_choice_survives_a_reload()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/catalog");
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        var theme = await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')");
        await page.ReloadAsync();

        Assert.Equal("dark", theme);
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-theme')"));
        Assert.NotEqual(before, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await portal.ScreenshotAsync(page, "catalog-dark");
    }
}
