using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Rendering;

public sealed class MarkdownPageRendererTests
{
    [Fact]
    public void Renders_gfm_tables_with_column_alignment_as_classes()
    {
        var html = Pages.Render("""
            | Hub | Parcels |
            |:----|--------:|
            | AMS | 120 |
            """).Html;

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"align-left\">Hub</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-right\">120</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_task_lists_as_disabled_checkboxes()
    {
        var html = Pages.Render("- [x] done\n- [ ] todo\n").Html;

        Assert.Contains("<input disabled=\"\" type=\"checkbox\" checked=\"checked\"> done", html, StringComparison.Ordinal);
        Assert.Contains("<input disabled=\"\" type=\"checkbox\"> todo", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_footnotes_with_back_references()
    {
        var html = Pages.Render("Scans arrive late[^1].\n\n[^1]: Carriers batch them hourly.\n").Html;

        Assert.Contains("href=\"#fn:1\"", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn:1\">", html, StringComparison.Ordinal);
        Assert.Contains("Carriers batch them hourly.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_admonitions_as_mkdocs_does_with_markdown_inside()
    {
        var html = Pages.Render("""
            !!! warning "Cut-off at 18:00"
                Bookings after **18:00** ship the next day.

                Second paragraph.

            After.
            """).Html;

        Assert.Contains("<div class=\"admonition warning\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"admonition-title\">Cut-off at 18:00</p>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>18:00</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Second paragraph.</p>\n</div>", html, StringComparison.Ordinal);
        Assert.Contains("<p>After.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Admonition_without_title_is_titled_by_its_type_and_empty_title_hides_it()
    {
        var html = Pages.Render("!!! tip\n    Use it.\n\n!!! note \"\"\n    Untitled.\n").Html;

        Assert.Contains("<p class=\"admonition-title\">Tip</p>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"admonition note\">\n<p>Untitled.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Collapsible_admonitions_become_details_and_plus_starts_open()
    {
        var html = Pages.Render("??? info \"More\"\n    Hidden.\n\n???+ danger\n    Shown.\n").Html;

        Assert.Contains("<details class=\"info\"><summary>More</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"danger\" open=\"\"><summary>Danger</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Hidden.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_only_resembles_an_admonition_stays_a_paragraph()
    {
        var html = Pages.Render("!!! not an admonition \"x\" y\n\nWow!!!\n").Html;

        Assert.DoesNotContain("class=\"admonition", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>!!! not an admonition", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Fenced_code_gets_a_language_class_and_mermaid_stays_code_marked_mermaid()
    {
        var html = Pages.Render("```go\nfunc main() {}\n```\n\n```mermaid\ngraph TD; A-->B\n```\n").Html;

        Assert.Contains("<pre><code class=\"language-go\">func main() {}", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"language-mermaid mermaid\">graph TD; A--&gt;B", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_mkdocs_style_unique_anchors_and_form_the_table_of_contents()
    {
        var page = Pages.Render("# Parcel Tracking\n\n## Set-up & `config`\n\n## Set-up & `config`\n\n### Ünïcode Heading!\n");

        Assert.Equal(
            [(1, "Parcel Tracking", "parcel-tracking"), (2, "Set-up & config", "set-up-config"), (2, "Set-up & config", "set-up-config_1"), (3, "Ünïcode Heading!", "unicode-heading")],
            page.Toc.Select(t => (t.Level, t.Text, t.Id)).ToList());
        Assert.Contains("<h2 id=\"set-up-config_1\">", page.Html, StringComparison.Ordinal);
        Assert.Equal("Parcel Tracking", page.FirstHeading);
    }

    [Fact]
    public void Relative_page_links_become_directory_style_site_urls_with_their_anchor()
    {
        var html = Pages.Render(
            "[home](../index.md) [api](api.md#auth) [ops](../ops/) [self](#top)",
            "guide/setup.md",
            "index.md", "guide/api.md", "ops/index.md").Html;

        Assert.Contains("href=\"/docs/default/component/petstore/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/guide/api/#auth\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/ops/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#top\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_images_point_at_the_static_files_and_absolute_links_are_kept()
    {
        var html = Pages.Render("![logo](../img/logo.png) [site](https://halyard.example/a.md)").Html;

        Assert.Contains("src=\"/api/techdocs/static/docs/default/component/petstore/img/logo.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://halyard.example/a.md\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_links_and_images_are_reported_with_file_and_line_and_do_not_fail_the_page()
    {
        var page = Pages.Render("# Setup\n\nSee [missing](nowhere.md).\n\n![gone](gone.png)\n\n[escape](../../../etc/passwd)\n");

        Assert.Contains("<h1 id=\"setup\">Setup</h1>", page.Html, StringComparison.Ordinal);
        Assert.Collection(
            page.Problems,
            p => Assert.Equal(("docs/guide/setup.md", 3, true), (p.File!, p.Line!.Value, p.Message.Contains("missing page 'guide/nowhere.md'", StringComparison.Ordinal))),
            p => Assert.Equal(("docs/guide/setup.md", 5, true), (p.File!, p.Line!.Value, p.Message.Contains("missing file 'guide/gone.png'", StringComparison.Ordinal))),
            p => Assert.Equal(("docs/guide/setup.md", 7, true), (p.File!, p.Line!.Value, p.Message.Contains("outside the docs folder", StringComparison.Ordinal))));
    }

    [Fact]
    public void Plain_text_holds_the_visible_words_without_markup()
    {
        var page = Pages.Render("# Depots\n\nThe **Rotterdam** depot <span>opens</span> at 6.\n\n<script>alert('x')</script>\n");

        Assert.Equal("Depots The Rotterdam depot opens at 6.", page.Text);
    }
}
