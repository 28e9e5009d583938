using Greenroom.TechDocs.Search;
using Greenroom.TechDocs.Tests.Support;

namespace Greenroom.TechDocs.Tests.Search;

public sealed class TechDocsSearchCollatorTests : IDisposable
{
    private readonly TechDocsHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task One_document_per_page_with_title_headings_text_and_page_location()
    {
        var tracking = _harness.AddService("tracking", null,
            ("index.md", "# Tracking\n\nParcel scans flow in.\n"),
            ("guide/replay.md", "# Replaying events\n\n## From the dead-letter topic\n\nUse the replay tool.\n"));
        var billing = _harness.AddService("billing");
        await _harness.Builder.BuildAsync(tracking, false, default);
        await _harness.Builder.BuildAsync(billing, false, default);
        var collator = new TechDocsSearchCollator(_harness.Store);

        var all = await collator.CollateAllAsync(default).ToListAsync();
        var mine = await collator.CollateEntityAsync("Component:default/Tracking", default).ToListAsync();

        Assert.Equal("techdocs", collator.Type);
        Assert.Equal(3, all.Count);
        Assert.Equal(2, mine.Count);
        var replay = Assert.Single(mine, d => d.Title == "Replaying events");
        Assert.Equal(("techdocs", "component:default/tracking#guide/replay/", tracking), (replay.Type, replay.Key, replay.EntityRef));
        Assert.Equal("/docs/default/component/tracking/guide/replay/", replay.Location);
        Assert.Contains("Use the replay tool.", replay.Text, StringComparison.Ordinal);
        Assert.Equal("Replaying events\nFrom the dead-letter topic", replay.Fields["headings"]);
        Assert.Equal("from-the-dead-letter-topic", replay.Fields["anchors"].Split('\n')[1]);
        Assert.Equal(("component", "tracking"), (replay.Fields["kind"], replay.Fields["name"]));
    }

    [Fact]
    public async Task An_entity_without_a_site_has_no_documents()
    {
        Assert.Empty(await new TechDocsSearchCollator(_harness.Store).CollateEntityAsync("component:default/none", default).ToListAsync());
    }
}
