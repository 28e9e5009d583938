using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Catalog.Model.Tests.Entities;

public sealed class EntityRefTests
{
    [Theory]
    [InlineData("component:ns/name", null, "component", "ns", "name")]
    [InlineData("ns/name", "Group", "Group", "ns", "name")]
    [InlineData("name", "Group", "Group", "default", "name")]
    [InlineData("user:jane", null, "user", "default", "jane")]
    public void Parses_refs_with_defaults(string text, string? defaultKind, string kind, string ns, string name)
    {
        Assert.Equal(new EntityRef(kind, ns, name), EntityRef.Parse(text, defaultKind));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("")]
    [InlineData("a:b:c")]
    [InlineData("kind:ns/a/b")]
    public void Rejects_malformed_refs(string text)
    {
        Assert.False(EntityRef.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Compares_case_insensitively_and_keys_are_lower_case()
    {
        var a = new EntityRef("Component", "Default", "Svc");

        Assert.Equal(new EntityRef("component", "default", "svc"), a);
        Assert.Equal("component:default/svc", a.ToKey());
    }
}
