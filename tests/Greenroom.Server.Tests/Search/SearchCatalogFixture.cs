using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Search;

/// <summary>The fixture catalog served, ingested and indexed once for a test class.</summary>
public sealed class SearchCatalogFixture : IAsyncLifetime
{
    private readonly ReadOnlyCatalogFixture _catalog = new();

    public HttpClient Client => _catalog.Client;

    public async Task InitializeAsync()
    {
        await _catalog.InitializeAsync();
        await _catalog.Client.WaitForSearchIdleAsync();
    }

    public Task DisposeAsync() => _catalog.DisposeAsync();
}
