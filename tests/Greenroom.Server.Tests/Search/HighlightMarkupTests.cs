using Greenroom.Web.Search;

namespace Greenroom.Server.Tests.Search;

public sealed class HighlightMarkupTests
{
    private const string Pre = "<abc123>";
    private const string Post = "</abc123>";

    [Fact]
    public void Marks_tagged_words_and_encodes_everything_else()
    {
        var html = HighlightMarkup.Render($"a <script>alert(1)</script> {Pre}pet{Post} & more", Pre, Post).Value;

        Assert.Equal("a &lt;script&gt;alert(1)&lt;/script&gt; <mark>pet</mark> &amp; more", html);
    }

    [Fact]
    public void Treats_other_mark_tags_in_text_as_text()
    {
        var html = HighlightMarkup.Render("<mark>fake</mark> <abc12>", Pre, Post).Value;

        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Closes_a_mark_left_open()
    {
        var html = HighlightMarkup.Render($"{Pre}unclosed", Pre, Post).Value;

        Assert.Equal("<mark>unclosed</mark>", html);
    }

    [Fact]
    public void Shortens_long_text_at_a_word_boundary()
    {
        Assert.Equal("alpha beta …", HighlightMarkup.Excerpt("alpha beta gamma delta", 12));
        Assert.Equal("short", HighlightMarkup.Excerpt("short", 12));
    }
}
