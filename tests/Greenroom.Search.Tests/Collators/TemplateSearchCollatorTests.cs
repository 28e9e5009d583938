using Greenroom.Search.Collators;
using Greenroom.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenroom.Search.Tests.Collators;

public sealed class TemplateSearchCollatorTests
{
    private readonly InMemoryCatalogReader _reader = new();

    private TemplateSearchCollator Collator => new(_reader, NullLogger<TemplateSearchCollator>.Instance);

    [Fact]
    public async Task Makes_documents_of_templates_only_leading_to_their_form()
    {
        _reader.Put("Template", "react-app", new { title = "React App", description = "A new React website" }, new { type = "website", owner = "web-team" });
        var component = _reader.Put("Component", "petstore");

        var document = Assert.Single(await Collator.CollateAllAsync(CancellationToken.None).ToListAsync());

        Assert.Equal("software-templates", document.Type);
        Assert.Equal("React App", document.Title);
        Assert.Equal("A new React website", document.Text);
        Assert.Equal("/create/templates/default/react-app", document.Location);
        Assert.Equal("website", document.Fields["type"]);
        Assert.Equal("web-team", document.Fields["owner"]);
        Assert.Empty(await Collator.CollateEntityAsync(component, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Reads_nothing_for_a_ref_of_another_kind()
    {
        var reader = new CountingReader();
        var collator = new TemplateSearchCollator(reader, NullLogger<TemplateSearchCollator>.Instance);

        await collator.CollateEntityAsync("component:default/petstore", CancellationToken.None).ToListAsync();
        await collator.CollateEntityAsync("template:default/react-app", CancellationToken.None).ToListAsync();

        Assert.Equal(["template:default/react-app"], reader.Reads);
    }

    private sealed class CountingReader : Greenroom.Plugins.Catalog.ICatalogReader
    {
        public List<string> Reads { get; } = [];

        public Task<Greenroom.Plugins.Catalog.CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken)
        {
            Reads.Add(entityRef);
            return Task.FromResult<Greenroom.Plugins.Catalog.CatalogEntity?>(null);
        }

        public IAsyncEnumerable<Greenroom.Plugins.Catalog.CatalogEntity> ReadEntitiesAsync(string? kind, CancellationToken cancellationToken) =>
            AsyncEnumerable.Empty<Greenroom.Plugins.Catalog.CatalogEntity>();
    }
}
