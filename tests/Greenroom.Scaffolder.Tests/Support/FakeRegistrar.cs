using Greenroom.Plugins.Catalog;

namespace Greenroom.Scaffolder.Tests.Support;

public sealed class FakeRegistrar : ICatalogRegistrar
{
    public List<(string Type, string Target)> Registered { get; } = [];

    public Task<CatalogRegistration> RegisterLocationAsync(string type, string target, CancellationToken cancellationToken)
    {
        Registered.Add((type, target));
        return Task.FromResult(new CatalogRegistration(Guid.NewGuid(), ["location:default/generated", "component:default/petstore"], false));
    }
}
