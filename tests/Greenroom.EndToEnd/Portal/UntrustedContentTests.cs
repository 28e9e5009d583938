using System.Net.Http.Json;
using Greenroom.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenroom.EndToEnd.Portal;

/// <summary>Descriptors are untrusted: markup and script URLs in them must show as text and never run.</summary>
[Collection(PortalCollection.Name)]
public sealed class UntrustedContentTests(PortalFixture portal)
{
    private const string Descriptor = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: hostile-service
          title: "<script>window.__pwned = 'title'</script>Hostile"
          description: "<img src=x onerror=\"window.__pwned='description'\"> <b>bold?</b>"
          tags: [xss]
          annotations:
            backstage.io/view-url: "javascript:window.__pwned='view-url'"
          links:
            - url: "javascript:window.__pwned='link'"
              title: "Click me"
            - url: "data:text/html,<script>window.__pwned='data'</script>"
              title: "Data link"
            - url: "https://example.com/ok"
              title: "<i>Fine</i>"
        spec:
          type: "service\" onmouseover=\"window.__pwned='type'"
          lifecycle: production
          owner: "team-x<svg/onload=window.__pwned='owner'>"
        """;

    [Fact]
    public async Task Markup_and_script_urls_from_a_descriptor_render_as_text_and_never_execute()
    {
        var file = portal.Server.WriteFile("hostile/catalog-info.yaml", Descriptor);
        using var client = portal.Server.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/catalog/locations", new { type = "file", target = file });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        var page = await portal.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/catalog/default/component/hostile-service");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<script>");
        await Expect(page.Locator(".about-card .description")).ToContainTextAsync("<img src=x onerror=");
        foreach (var link in await page.Locator("a").AllAsync())
        {
            var href = await link.GetAttributeAsync("href") ?? string.Empty;
            Assert.DoesNotMatch("^\\s*(javascript|data|vbscript):", href.ToLowerInvariant());
        }

        Assert.Equal(0, await page.Locator("main img, main svg, main script, main b, main i").CountAsync());
        await page.Locator(".about-card").HoverAsync();
        foreach (var tab in new[] { "", "/raw", "/history", "/dependencies" })
        {
            await page.GotoAsync("/catalog/default/component/hostile-service" + tab);
            Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        }

        await page.GotoAsync("/catalog?kind=component&tags=xss");
        await Expect(page.Locator("td[data-column=Name]")).ToContainTextAsync("<script>");
        Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await portal.ScreenshotAsync(page, "untrusted-content");
    }
}
