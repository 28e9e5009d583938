using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Catalog.Model.Tests.Validation;

public sealed class BackstageFormatsTests
{
    [Theory]
    [InlineData("backstage.io/v1alpha1", true)]
    [InlineData("v1", true)]
    [InlineData("my-company.net/v1", true)]
    [InlineData("a/b/c", false)]
    [InlineData("/v1", false)]
    [InlineData("backstage.io/v1-alpha", false)]
    public void Api_version_is_an_optional_dns_prefix_and_an_alphanumeric_suffix(string value, bool valid) =>
        Assert.Equal(valid, BackstageFormats.IsValidApiVersion(value));

    [Theory]
    [InlineData("Component", true)]
    [InlineData("x1", true)]
    [InlineData("1x", false)]
    [InlineData("Com-ponent", false)]
    public void Kind_starts_with_a_letter_and_is_alphanumeric(string value, bool valid) =>
        Assert.Equal(valid, BackstageFormats.IsValidKind(value));

    [Theory]
    [InlineData("https://example.com/x", true)]
    [InlineData("mailto:someone@example.com", true)]
    [InlineData("example.com", false)]
    [InlineData("/relative", false)]
    public void Url_must_be_absolute(string value, bool valid) =>
        Assert.Equal(valid, BackstageFormats.IsValidUrl(value));

    [Theory]
    [InlineData("a.b-c/name_x", true)]
    [InlineData("name", true)]
    [InlineData("a..b/name", false)]
    [InlineData("A.com/name", false)]
    public void Label_key_is_an_optional_subdomain_prefix_and_an_object_name(string value, bool valid) =>
        Assert.Equal(valid, BackstageFormats.IsValidLabelKey(value));
}
