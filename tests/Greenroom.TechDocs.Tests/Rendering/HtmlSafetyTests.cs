using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Rendering;

public sealed class HtmlSafetyTests
{
    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "frameset", "svg", "math", "object", "embed", "form", "button", "style", "link", "meta", "base", "template", "noscript", "video", "source"];

    private static readonly string[] UrlAttributes = ["href", "src", "srcset", "action", "formaction", "xlink:href", "background", "poster", "data"];

    [Theory]
    [MemberData(nameof(XssPayloads.Indexes), MemberType = typeof(XssPayloads))]
    public void Rendered_payload_carries_no_active_content(int index)
    {
        var payload = XssPayloads.All[index];

        var html = Pages.Render($"Before.\n\n{payload}\n\nAfter.\n").Html;

        AssertHarmless(payload, html);
        Assert.Contains("After.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(XssPayloads.Indexes), MemberType = typeof(XssPayloads))]
    public void Sanitizer_alone_neutralises_payload_as_raw_html(int index)
    {
        var payload = XssPayloads.All[index];

        AssertHarmless(payload, new HtmlSafety().Sanitize(payload));
    }

    [Fact]
    public void Safe_markup_survives_sanitising()
    {
        const string Safe = """<h2 id="a">A</h2><details class="note" open=""><summary>S</summary><p><a href="https://x.example/">x</a> <a href="mailto:ops@halyard.example">m</a> <img src="/img/a.png" alt="a"></p></details>""";

        Assert.Equal(Safe, new HtmlSafety().Sanitize(Safe));
    }

    private static void AssertHarmless(string payload, string html)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            Assert.False(ForbiddenElements.Contains(name), $"<{name}> survived from: {payload}\n{html}");
            if (name == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} survived from: {payload}\n{html}");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(
                        value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal),
                        $"{attribute.Name}={attribute.Value} survived from: {payload}\n{html}");
                }

                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("expression", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("binding", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }
}
