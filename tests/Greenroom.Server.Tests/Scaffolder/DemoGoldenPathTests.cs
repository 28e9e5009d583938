using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Scaffolder.Model;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>The demo's "ASP.NET Core service" golden path, run by the scaffolder engine itself (dry run, real skeleton).</summary>
public sealed class DemoGoldenPathTests : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "DemoCatalog", "templates", "aspnet-core-service");
    private ScaffolderServer _server = null!;

    public async Task InitializeAsync() => _server = await ScaffolderServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Renders_the_service_with_a_valid_catalog_entry_and_no_expression_left()
    {
        var template = TemplateYaml.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "template.yaml")), "template.yaml");
        var files = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "skeleton"), "*", SearchOption.AllDirectories))
        {
            files.Add(new JsonObject
            {
                ["path"] = Path.GetRelativePath(Folder, file).Replace('\\', '/'),
                ["base64Content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file)),
            });
        }

        var body = await _server.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", new JsonObject
        {
            ["template"] = template,
            ["values"] = new JsonObject
            {
                ["name"] = "parcel-labels",
                ["description"] = "Prints \"labels\": one per parcel, #1 in speed",
                ["owner"] = "group:default/platform-team",
                ["system"] = "system:default/shipment-booking",
                ["repoUrl"] = "github.com?owner=halyard-logistics&repo=parcel-labels",
            },
            ["directoryContents"] = files,
        });

        var produced = body["directoryContents"]!.AsArray().ToDictionary(
            f => f!["path"]!.GetValue<string>(), f => Encoding.UTF8.GetString(Convert.FromBase64String(f!["base64Content"]!.GetValue<string>())));
        Assert.Contains("src/parcel-labels/parcel-labels.csproj", produced.Keys);
        Assert.Contains("parcel-labels.slnx", produced.Keys);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder, "skeleton", ".github", "workflows", "ci.yml")), produced[".github/workflows/ci.yml"]);
        Assert.All(produced.Where(f => !f.Key.StartsWith(".github/", StringComparison.Ordinal)),
            f => Assert.DoesNotContain("${{", f.Key + f.Value, StringComparison.Ordinal));
        var parsed = new DescriptorParser().Parse(produced["catalog-info.yaml"], "catalog-info.yaml");
        var entity = Assert.Single(parsed.Documents).Entity;
        Assert.Empty(parsed.Problems);
        Assert.Empty(new EntityValidator().Validate(entity));
        Assert.Equal("Prints \"labels\": one per parcel, #1 in speed", entity["metadata"]!["description"]!.GetValue<string>());
        Assert.Equal("https://github.com/halyard-logistics/parcel-labels.git", body["output"]!["links"]![0]!["url"]!.GetValue<string>());
    }
}
