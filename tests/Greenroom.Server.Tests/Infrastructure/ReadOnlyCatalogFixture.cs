namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>One server over the fixture catalog shared by tests that only read; started once per test class.</summary>
public sealed class ReadOnlyCatalogFixture : IAsyncLifetime
{
    public FixtureCatalog Catalog { get; } = new();

    public GreenroomAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new GreenroomAppFactory(Catalog);
        Client = await Factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Catalog.Dispose();
    }
}
