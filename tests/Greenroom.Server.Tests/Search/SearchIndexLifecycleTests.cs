using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Search;

/// <summary>The index follows catalog changes and survives restarts, including with its files damaged.</summary>
public sealed class SearchIndexLifecycleTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public async Task A_registered_component_becomes_searchable_and_a_deleted_one_disappears()
    {
        await using var factory = new GreenroomAppFactory(_catalog);
        var client = await factory.CreateIdleClientAsync();
        await client.WaitForSearchIdleAsync();
        var target = _catalog.Write("more.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: dispatcher
              description: Routes parcels to the nearest depot
            spec: { type: service, lifecycle: production, owner: team-a }
            """);

        var created = await client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, System.Net.HttpStatusCode.Created);
        await GreenroomAppFactory.WaitForIdleAsync(client);
        await client.WaitForSearchIdleAsync();
        var found = await client.GetJsonAsync("/api/search/query?term=depot");

        var id = created["location"]!["id"]!.GetValue<string>();
        var deleted = await client.DeleteAsync(new Uri($"/api/catalog/locations/{id}", UriKind.Relative));
        deleted.EnsureSuccessStatusCode();
        await client.WaitForSearchIdleAsync();
        var gone = await client.GetJsonAsync("/api/search/query?term=depot");

        Assert.Equal("dispatcher", found["results"]![0]!["document"]!["title"]!.GetValue<string>());
        Assert.Equal(0, gone["numberOfResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_works_after_the_index_files_are_corrupted_and_the_server_restarts()
    {
        await using (var first = new GreenroomAppFactory(_catalog))
        {
            var client = await first.CreateIdleClientAsync();
            await client.WaitForSearchIdleAsync();
        }

        var indexPath = Path.Combine(_catalog.DataDirectory, "search-index");
        var files = Directory.GetFiles(indexPath).Where(f => Path.GetFileName(f) != "write.lock").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            await File.WriteAllBytesAsync(file, new byte[128]);
        }

        await using var second = new GreenroomAppFactory(_catalog);
        var restarted = await second.CreateIdleClientAsync();
        var status = await restarted.WaitForSearchIdleAsync();
        var body = await restarted.GetJsonAsync("/api/search/query?term=checkout");

        Assert.Equal(FixtureCatalog.EntityCount, status["documents"]!.GetValue<int>());
        Assert.Equal("Checkout", body["results"]![0]!["document"]!["title"]!.GetValue<string>());
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("unreadable", StringComparison.Ordinal));
    }
}
