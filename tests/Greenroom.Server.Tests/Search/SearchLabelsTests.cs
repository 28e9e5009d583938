using Greenroom.Search.Engine;
using Greenroom.Web.Search;

namespace Greenroom.Server.Tests.Search;

public sealed class SearchLabelsTests
{
    private static SearchHit DocsPage(string text, SearchHighlight? highlight = null) => new(
        "techdocs",
        new Dictionary<string, string>
        {
            ["title"] = "Runbook",
            ["text"] = text,
            ["location"] = "/docs/default/component/petstore/runbook/",
            ["headings"] = "Runbook\nRestarting the flux capacitor\nPaging",
            ["anchors"] = "runbook\nrestarting-the-flux-capacitor\npaging",
        },
        highlight,
        1);

    [Fact]
    public void Leads_to_the_heading_that_holds_a_searched_word()
    {
        Assert.Equal("/docs/default/component/petstore/runbook/#restarting-the-flux-capacitor", SearchLabels.HitLink(DocsPage("..."), "flux"));
    }

    [Fact]
    public void Leads_to_the_first_marked_word_when_no_heading_holds_one()
    {
        var hit = DocsPage("call <t>oncall</t> now", new SearchHighlight("<t>", "</t>", new Dictionary<string, string> { ["text"] = "call <t>oncall</t> now" }));

        Assert.Equal("/docs/default/component/petstore/runbook/#:~:text=oncall", SearchLabels.HitLink(hit, "oncal"));
    }

    [Fact]
    public void Leads_to_an_entity_page_unchanged_and_never_outside_the_portal()
    {
        var entity = new SearchHit("software-catalog", new Dictionary<string, string> { ["location"] = "/catalog/default/component/petstore" }, null, 1);
        var outside = new SearchHit("software-catalog", new Dictionary<string, string> { ["location"] = "//evil.example/x" }, null, 1);
        var script = new SearchHit("software-catalog", new Dictionary<string, string> { ["location"] = "javascript:alert(1)" }, null, 1);

        Assert.Equal("/catalog/default/component/petstore", SearchLabels.HitLink(entity, "pet"));
        Assert.Null(SearchLabels.HitLink(outside, "pet"));
        Assert.Null(SearchLabels.HitLink(script, "pet"));
    }
}
