using Greenroom.Bench.Generation;

namespace Greenroom.Bench.Tests.Generation;

public sealed class YamlEmitterTests
{
    [Theory]
    [InlineData("team-a", "team-a")]
    [InlineData("./entities/part-0001.yaml", "\"./entities/part-0001.yaml\"")]
    [InlineData("backstage.io/v1alpha1", "backstage.io/v1alpha1")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("3", "\"3\"")]
    [InlineData("The team's service", "\"The team's service\"")]
    [InlineData("dir:.", "\"dir:.\"")]
    public void Quotes_only_strings_that_are_not_plainly_safe(string value, string expected) =>
        Assert.Equal(expected, YamlEmitter.Scalar(value));

    [Fact]
    public void Writes_nested_maps_lists_and_literal_blocks_like_the_reference_script()
    {
        var document = new YamlMap
        {
            { "kind", "Component" },
            { "links", new List<object> { new YamlMap { { "url", "https://x.example/d" }, { "title", "Dashboard" } } } },
            { "children", new List<object>() },
            { "definition", "a: 1\n\nb: 2\n" },
        };

        Assert.Equal(
            "---\nkind: Component\nlinks:\n  - url: \"https://x.example/d\"\n    title: Dashboard\nchildren: []\ndefinition: |\n  a: 1\n\n  b: 2\n",
            YamlEmitter.Document(document));
    }
}
