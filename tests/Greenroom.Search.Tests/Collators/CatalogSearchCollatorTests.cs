using Greenroom.Search.Collators;
using Greenroom.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenroom.Search.Tests.Collators;

public sealed class CatalogSearchCollatorTests
{
    private readonly InMemoryCatalogReader _reader = new();

    private CatalogSearchCollator Collator => new(_reader, NullLogger<CatalogSearchCollator>.Instance);

    [Fact]
    public async Task Makes_one_document_per_entity_with_backstages_fields_and_the_entity_page_as_location()
    {
        _reader.Put("Component", "PetStore", new { title = "Pet Store", description = "Sells pets", tags = new[] { "java", "web" } },
            new { type = "service", lifecycle = "production", owner = "team-a" }, ns: "Shop");

        var document = Assert.Single(await Collator.CollateAllAsync(CancellationToken.None).ToListAsync());

        Assert.Equal("software-catalog", document.Type);
        Assert.Equal("component:shop/petstore", document.EntityRef);
        Assert.Equal("Pet Store", document.Title);
        Assert.Equal("Sells pets", document.Text);
        Assert.Equal("/catalog/shop/component/PetStore", document.Location);
        Assert.Equal("PetStore", document.Fields["name"]);
        Assert.Equal("Component", document.Fields["kind"]);
        Assert.Equal("Shop", document.Fields["namespace"]);
        Assert.Equal("service", document.Fields["type"]);
        Assert.Equal("service", document.Fields["componentType"]);
        Assert.Equal("production", document.Fields["lifecycle"]);
        Assert.Equal("team-a", document.Fields["owner"]);
        Assert.Equal("java web", document.Fields["tags"]);
    }

    [Fact]
    public async Task Uses_the_name_as_title_and_a_users_profile_as_text()
    {
        var entityRef = _reader.Put("User", "alice", spec: new { profile = new { displayName = "Alice Liddell", email = "alice@example.com" } });

        var document = Assert.Single(await Collator.CollateEntityAsync(entityRef, CancellationToken.None).ToListAsync());

        Assert.Equal("alice", document.Title);
        Assert.Equal("Alice Liddell alice@example.com", document.Text);
        Assert.Equal("/catalog/default/user/alice", document.Location);
    }

    [Fact]
    public async Task Has_no_document_for_an_entity_that_is_gone()
    {
        Assert.Empty(await Collator.CollateEntityAsync("component:default/nothing", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Skips_an_entity_whose_json_is_unreadable_and_collates_the_rest()
    {
        _reader.PutRaw("component:default/broken", "{ not json");
        _reader.Put("Component", "fine");

        var documents = await Collator.CollateAllAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["fine"], documents.Select(d => d.Title));
    }
}
