using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Greenroom.TechDocs.Tests.Support;

/// <summary>A builder over a fake catalog, an in-memory store and a temporary folder of docs sources.</summary>
internal sealed class TechDocsHarness : IDisposable
{
    public TechDocsHarness(TechDocsOptions? options = null, HttpMessageHandler? http = null)
    {
        var settings = Options.Create(options ?? new TechDocsOptions());
        Builder = new TechDocsBuilder(
            Catalog,
            Store,
            new DocsSourceResolver(settings, new StubHttpClientFactory(http ?? new StubHttpHandler([]))),
            new DocsSourceReader(settings.Value.MaxPages),
            new DocsSiteRenderer(new MarkdownPageRenderer(new HtmlSafety())),
            [Search],
            Time,
            NullLogger<TechDocsBuilder>.Instance);
    }

    public TempFolder Folder { get; } = new();

    public FakeCatalog Catalog { get; } = new();

    public InMemoryTechDocsStore Store { get; } = new();

    public RecordingSearchQueue Search { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public TechDocsBuilder Builder { get; }

    /// <summary>Writes a small site for a service in <c>repo/{name}</c> and registers its entity with <c>dir:.</c>.</summary>
    public string AddService(string name, string? mkdocs = null, params (string Path, string Content)[] pages)
    {
        var folder = $"repo/{name}";
        var descriptor = Folder.Write($"{folder}/catalog-info.yaml", "# entity");
        Folder.Write($"{folder}/mkdocs.yml", mkdocs ?? $"site_name: {name} docs\n");
        foreach (var (path, content) in pages.Length > 0 ? pages : [("index.md", $"# {name}\n\nWelcome.\n")])
        {
            Folder.Write($"{folder}/docs/{path}", content);
        }

        Catalog.Add(name, "dir:.", "file:" + descriptor, "file:" + Folder.PathOf("repo/all.yaml"));
        return $"component:default/{name}";
    }

    public void Dispose() => Folder.Dispose();

    private sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
