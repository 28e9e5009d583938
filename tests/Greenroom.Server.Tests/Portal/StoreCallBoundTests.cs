using System.Net;
using System.Text;
using Greenroom.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.Portal;

/// <summary>No N+1: an organisation page costs the same number of store calls for a small group as for a large one.</summary>
public sealed class StoreCallBoundTests : IAsyncLifetime
{
    private const int Size = 60;
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;
    private CountingCatalogStore _store = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog);
        var counted = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(CountingCatalogStore.Register));
        _client = counted.CreateClient();
        await GreenroomAppFactory.WaitForIdleAsync(_client);
        _store = counted.Services.GetRequiredService<CountingCatalogStore>();
        var big = _catalog.Write("big.yaml", BigOrganisation());
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = big }, HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Theory]
    [InlineData("/catalog/default/group/team-a", "/catalog/default/group/big-team")]
    [InlineData("/catalog/default/user/alice", "/catalog/default/user/member-0")]
    [InlineData("/catalog/default/system/pets", "/catalog/default/system/big-system")]
    [InlineData("/catalog/default/domain/small-domain", "/catalog/default/domain/big-domain")]
    public async Task A_large_organisation_page_costs_as_many_store_calls_as_a_small_one(string small, string large)
    {
        var page = await _client.GetDocumentAsync(large);
        await _client.GetDocumentAsync(small);

        Assert.True(page.QuerySelectorAll("main td").Length >= Size, "the large page should list its many entities");
        Assert.InRange(_store.CallsFor(large), 1, 5);
        Assert.Equal(_store.CallsFor(small), _store.CallsFor(large));
    }

    private static string BigOrganisation()
    {
        var yaml = new StringBuilder();
        void Document(string kind, string name, string spec) =>
            yaml.Append($"apiVersion: backstage.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n{spec}\n---\n");

        Document("Group", "big-team", "  type: team\n  children: []");
        Document("Domain", "big-domain", "  owner: big-team");
        Document("Domain", "small-domain", "  owner: team-a");
        Document("System", "big-system", "  owner: big-team\n  domain: big-domain");
        for (var i = 0; i < Size; i++)
        {
            Document("User", $"member-{i}", $"  profile:\n    displayName: Member {i}\n    email: member{i}@example.com\n  memberOf: [big-team]");
            Document("Component", $"part-{i}", "  type: service\n  lifecycle: production\n  owner: big-team\n  system: big-system");
            Document("System", $"system-{i}", "  owner: big-team\n  domain: big-domain");
        }

        return yaml.ToString().TrimEnd('-', '\n');
    }
}
