using Greenroom.TechDocs.Rendering;

namespace Greenroom.TechDocs.Tests.Rendering;

public sealed class HeadingSluggerTests
{
    [Theory]
    [InlineData("Getting Started", "getting-started")]
    [InlineData("  What's new in v2.1?  ", "whats-new-in-v21")]
    [InlineData("snake_case stays", "snake_case-stays")]
    [InlineData("A -- B", "a-b")]
    [InlineData("Café crème", "cafe-creme")]
    [InlineData("日本語", "")]
    public void Slugifies_as_python_markdown_toc(string text, string slug) => Assert.Equal(slug, HeadingSlugger.Slugify(text));

    [Fact]
    public void Repeated_headings_get_numbered_suffixes_and_empty_ones_a_fallback()
    {
        var slugger = new HeadingSlugger();

        Assert.Equal(["faq", "faq_1", "faq_2", "section", "section_1"], new[] { "FAQ", "FAQ", "faq", "!!!", "日本" }.Select(slugger.Next).ToArray());
    }
}
