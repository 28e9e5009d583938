using Microsoft.Playwright;

namespace Greenroom.EndToEnd.Infrastructure;

/// <summary>
/// One server and one Chromium for the whole end-to-end collection. Chromium is Debian's (<c>/usr/bin/chromium</c>,
/// or <c>GREENROOM_CHROMIUM</c>); a missing browser fails the tests with a message saying how to install it.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The running server.</summary>
    public PortalServer Server { get; } = new();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are kept: under the test output, so a failing run can be looked at.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("GREENROOM_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"End-to-end tests need Chromium at {chromium}. Install Debian's package (apt-get install -y chromium) " +
                "or point GREENROOM_CHROMIUM at a Chromium binary. ./test.sh installs it when run as root.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (own context: cookies and storage not shared between tests) on the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot named after the test step.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The end-to-end tests share one server and browser.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "portal";
}
