using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>
/// A fresh start with no settings at all: the demo's golden path runs to the end, its GitHub remote pushed to a bare
/// repository under the data directory (nothing leaves the machine) and the new service registered in the catalog.
/// </summary>
public sealed class DemoGoldenPathDefaultsTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog, withFixtureLocation: false);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task The_demo_template_publishes_to_a_local_repository_and_registers_the_service_without_configuration()
    {
        var created = await _client.PostJsonAsync("/api/scaffolder/v2/tasks", new
        {
            templateRef = "template:default/aspnet-core-service",
            values = new
            {
                name = "parcel-labels",
                description = "Prints shipping labels.",
                owner = "group:default/booking-team",
                system = "system:default/shipment-booking",
                repoUrl = "github.com?owner=halyard-logistics&repo=parcel-labels",
            },
        }, HttpStatusCode.Created);
        var taskId = created["id"]!.GetValue<string>();

        var task = await WaitForTaskAsync(taskId);

        Assert.True(task["status"]!.GetValue<string>() == "completed", task.ToJsonString());
        var bare = Path.Combine(_catalog.DataDirectory, "git", "halyard-logistics", "parcel-labels.git");
        Assert.True(Directory.Exists(Path.Combine(bare, "objects")), $"expected a bare repository at {bare}");

        // Values left out get the template's defaults, as the form would have sent them.
        var project = ScaffolderServer.Git(bare, "show", "HEAD:Directory.Build.props");
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", project, StringComparison.Ordinal);
        var entity = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/parcel-labels");
        Assert.Equal("Prints shipping labels.", entity["metadata"]!["description"]!.GetValue<string>());
        Assert.Equal("group:default/booking-team", entity["spec"]!["owner"]!.GetValue<string>());
    }

    private async Task<JsonObject> WaitForTaskAsync(string taskId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var task = await _client.GetJsonAsync($"/api/scaffolder/v2/tasks/{taskId}");
            if (task["status"]?.GetValue<string>() is "completed" or "failed" or "cancelled")
            {
                return task.AsObject();
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
