using Greenroom.Catalog.Options;

namespace Greenroom.Catalog.Tests.Options;

public sealed class CatalogOptionsValidatorTests
{
    [Fact]
    public void Names_the_configuration_key_of_a_bad_location_type()
    {
        var options = new CatalogOptions { Locations = [new LocationOptions { Type = "foo", Target = "x.yaml" }] };

        var result = new CatalogOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Greenroom:Catalog:Locations:0:Type must be 'file' or 'url', got 'foo'", result.FailureMessage);
    }

    [Fact]
    public void Rejects_a_url_location_that_is_not_http()
    {
        var options = new CatalogOptions { Locations = [new LocationOptions { Type = "url", Target = "ftp://example.com/a.yaml" }] };

        var result = new CatalogOptionsValidator().Validate(null, options);

        Assert.Contains("Greenroom:Catalog:Locations:0:Target must be an absolute http or https URL", result.FailureMessage);
    }

    [Fact]
    public void Accepts_defaults_and_well_formed_locations()
    {
        var options = new CatalogOptions
        {
            Locations = [new LocationOptions { Type = "file", Target = "catalog/*.yaml" }, new LocationOptions { Type = "url", Target = "https://example.com/c.yaml" }],
        };

        Assert.True(new CatalogOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(100), options.RefreshInterval);
        Assert.Equal(OrphanStrategy.Keep, options.OrphanStrategy);
    }

    [Fact]
    public void Rejects_a_malformed_allowed_host()
    {
        var options = new ReadingOptions { AllowedHosts = ["example.com", "https://bad/path"] };

        var result = new ReadingOptionsValidator().Validate(null, options);

        Assert.Contains("Greenroom:Reading:AllowedHosts:1", result.FailureMessage);
    }

    [Fact]
    public void Maps_rules_to_extra_kinds_and_api_versions()
    {
        var options = new CatalogOptions { Rules = [new CatalogRuleOptions { Allow = ["Component", "Widget"], ApiVersions = ["acme.io/v1"] }] };

        var rules = Microsoft.Extensions.DependencyInjection.CatalogServiceCollectionExtensions.ToRules(options);

        Assert.Contains("Widget", rules.AllowedKinds);
        Assert.Equal(["acme.io/v1"], rules.AllowedApiVersions);
    }

    [Fact]
    public async Task Bound_options_are_validated_when_resolved()
    {
        using var folder = new Support.TempFolder();
        await using var catalog = await Support.CatalogHarness.StartAsync(Path.Combine(folder.Path, "c.db"), folder.Path, new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:Locations:0:Type"] = "foo",
            ["Greenroom:Catalog:Locations:0:Target"] = "x.yaml",
            ["Greenroom:Catalog:RefreshInterval"] = "00:00:05",
        });

        var exception = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => catalog.Get<Microsoft.Extensions.Options.IOptions<CatalogOptions>>().Value);

        Assert.Contains("Greenroom:Catalog:Locations:0:Type must be 'file' or 'url', got 'foo'", exception.Message);
    }
}
