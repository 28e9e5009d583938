using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Portal;

/// <summary>Registering an existing component through the portal's forms. Each test gets its own server: these tests change the catalog.</summary>
public sealed class RegisterPageTests : IAsyncLifetime
{
    private const string ExtraYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: extra
          title: Extra Service
        spec:
          type: library
          lifecycle: production
          owner: team-a
        """;

    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Analyze_shows_what_would_be_added_without_storing_it_and_register_adds_it()
    {
        var target = _catalog.Write("extra.yaml", ExtraYaml);

        var analyzed = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = target });

        var row = analyzed.QuerySelector(".analyzed-entities tr[data-ref='component:default/extra']");
        Assert.NotNull(row);
        Assert.Contains("Extra Service", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Register 1 entity", analyzed.QuerySelector("form.register-action button")!.TextContent.Trim());
        Assert.Equal(target, analyzed.QuerySelector("form.register-action input[name=target]")!.GetAttribute("value"));
        await _client.GetDocumentAsync("/catalog/default/component/extra", HttpStatusCode.NotFound);

        var registered = await _client.PostFormAsync("/catalog-import", "register", new Dictionary<string, string> { ["target"] = target });

        var link = registered.QuerySelector(".registered-entities a")!;
        Assert.Equal("/catalog/default/component/extra", link.GetAttribute("href"));
        Assert.Null(registered.QuerySelector("form.register-action"));
        var entity = await _client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("Extra Service", entity.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_locates_each_validation_error_by_file_and_line()
    {
        var target = _catalog.Write("bad.yaml", ExtraYaml.Replace("name: extra", "name: not valid!", StringComparison.Ordinal));

        var analyzed = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = target });

        var problem = Assert.Single(analyzed.Texts(".analysis-problems li"));
        Assert.StartsWith($"{target}:4:3: metadata.name: ", problem, StringComparison.Ordinal);
        Assert.Null(analyzed.QuerySelector("form.register-action"));
    }

    [Fact]
    public async Task A_file_outside_the_allowed_folders_is_refused_with_the_reason()
    {
        var page = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = "/etc/hostname" });

        var alert = page.QuerySelector(".notice.error[role=alert]")!;
        Assert.Contains("Not allowed", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("is outside the folders file locations may be registered from", alert.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.register-action"));
    }

    [Fact]
    public async Task A_url_on_a_host_not_allowed_is_refused_with_the_setting_to_change()
    {
        var page = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = "https://code.example.org/acme/catalog-info.yaml" });

        var alert = page.QuerySelector(".notice.error[role=alert]")!;
        Assert.Contains("Not allowed", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reading from code.example.org is not allowed: add it to Greenroom:Reading:AllowedHosts", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_location_already_registered_is_flagged_and_registering_it_again_says_so()
    {
        var analyzed = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = _catalog.AllYamlPath });

        Assert.Contains("Already registered", analyzed.QuerySelector(".analysis .notice.warning")!.TextContent, StringComparison.Ordinal);
        Assert.Null(analyzed.QuerySelector("form.register-action"));

        var again = await _client.PostFormAsync("/catalog-import", "register", new Dictionary<string, string> { ["target"] = _catalog.AllYamlPath });

        Assert.Contains("Already registered", again.QuerySelector(".notice.error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector(".notice.error a[href='/catalog-locations']"));
    }

    [Fact]
    public async Task An_empty_target_is_asked_for_again()
    {
        var page = await _client.PostFormAsync("/catalog-import", "analyze", new Dictionary<string, string> { ["target"] = "  " });

        Assert.Contains("Enter a URL or a file path", page.QuerySelector(".notice.error")!.TextContent, StringComparison.Ordinal);
    }
}
