using System.Text.Json;
using System.Text.RegularExpressions;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Search;

/// <summary>Searching the demo organisation in Chromium: the header box with suggestions, the results page, facets and hits.</summary>
[Collection(PortalCollection.Name)]
public sealed class SearchTests(PortalFixture portal)
{
    [Fact]
    public async Task A_suggestion_picked_in_the_header_box_opens_that_entity()
    {
        var page = await portal.NewPageAsync();
        await WaitForSearchIndexAsync(page);
        await page.GotoAsync("/catalog");

        await page.Locator("#quick-find").PressSequentiallyAsync("parcel trac", new() { Delay = 30 });
        var option = page.Locator("#quick-find-suggestions option").First;
        await Expect(option).ToHaveAttributeAsync("value", new Regex("^Parcel Tracking"));
        await page.Locator("#quick-find").FillAsync((await option.GetAttributeAsync("value"))!);

        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/system/parcel-tracking$"));
    }

    [Fact]
    public async Task Searching_from_the_header_lists_marked_hits_and_a_facet_narrows_them()
    {
        var page = await portal.NewPageAsync();
        await WaitForSearchIndexAsync(page);
        await page.GotoAsync("/catalog");

        await page.Locator("#quick-find").FillAsync("parcel");
        await page.Locator("#quick-find").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?query=parcel"));
        await Expect(page.Locator(".search-hit mark").First).ToHaveTextAsync(new Regex("^[Pp]arcels?$"));
        await page.Locator("a[data-facet=kind][data-value=Component]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("kind=Component"));
        var kinds = await page.Locator(".search-hit [data-field=kind]").AllInnerTextsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.Equal("component", kind.Trim(), ignoreCase: true));
        await portal.ScreenshotAsync(page, "search-parcel-components");

        await page.Locator(".search-hit .hit-title a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/catalog/default/component/"));
    }

    [Fact]
    public async Task A_word_found_in_one_doc_page_opens_that_page_at_its_heading()
    {
        var page = await portal.NewPageAsync();
        await WaitForSearchIndexAsync(page, "techdocs", "replaying");
        await page.GotoAsync("/search?query=replaying");

        var hit = page.Locator(".search-hit").First;
        await Expect(page.Locator(".search-hit")).ToHaveCountAsync(1);
        await Expect(hit.Locator(".badge")).ToHaveTextAsync("Documentation");
        await hit.Locator(".hit-title a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/docs/default/component/tracking-service/operations/#replaying"));
        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Replaying") });
        await Expect(heading).ToBeInViewportAsync();
        await portal.ScreenshotAsync(page, "search-docs-heading");
    }

    /// <summary>The index is built in the background after ingestion; waits until the indexer is idle.</summary>
    private static async Task WaitForSearchIndexAsync(IPage page, string? type = null, string term = "")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await page.APIRequest.GetAsync("/api/greenroom/search/status");
            using var status = JsonDocument.Parse(await response.TextAsync());
            if (status.RootElement.GetProperty("idle").GetBoolean() && status.RootElement.GetProperty("documents").GetInt64() > 0
                && (type is null || await HasDocumentsAsync(page, type, term)))
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    // Documentation sites are built in the background after ingestion, one after another, and reach the index after
    // that: on a busy machine the first site can be searchable seconds before the one a test looks for.
    private static async Task<bool> HasDocumentsAsync(IPage page, string type, string term)
    {
        var response = await page.APIRequest.GetAsync($"/api/search/query?term={Uri.EscapeDataString(term)}&types[0]={type}&pageLimit=1");
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("numberOfResults").GetInt32() > 0;
    }
}
