using System.Runtime.CompilerServices;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Greenroom.Search.Collators;
using Greenroom.Search.Indexing;
using Greenroom.Search.Lucene;
using Greenroom.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Greenroom.Search.Tests.Indexing;

public sealed class SearchIndexerTests : IAsyncLifetime
{
    private readonly TempIndex _folder = new();
    private readonly InMemoryCatalogReader _reader = new();
    private readonly FakeDocsCollator _docs = new();
    private Running _running = null!;

    public async Task InitializeAsync()
    {
        _reader.Put("Component", "petstore", new { title = "Pet Store" });
        _reader.Put("Template", "react-app", new { title = "React App" });
        _docs.Pages["component:default/petstore"] = ["Install the flux capacitor"];
        _running = await Running.StartAsync(_folder, _reader, _docs);
    }

    public async Task DisposeAsync()
    {
        await _running.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Builds_the_index_from_every_collator_on_first_start()
    {
        var status = await _running.WaitIdleAsync();

        Assert.Equal(4, status.Documents);
        Assert.Equal(4, status.LastBuild!.Documents);
        Assert.Equal(["Pet Store"], (await _running.Engine.SearchAsync("pet", types: ["software-catalog"])).Titles());
        Assert.Equal(["React App"], (await _running.Engine.SearchAsync("react", types: ["software-templates"])).Titles());
        Assert.Single((await _running.Engine.SearchAsync("capacitor")).Results);
    }

    [Fact]
    public async Task Follows_catalog_changes_in_every_collator()
    {
        await _running.WaitIdleAsync();
        var added = _reader.Put("Component", "checkout", new { title = "Checkout" });
        _reader.Put("Component", "petstore", new { title = "Animal Shop" });
        _reader.Remove("template:default/react-app");

        await _running.Queue.EntitiesChangedAsync([added, "component:default/petstore", "template:default/react-app"], CancellationToken.None);
        await _running.WaitIdleAsync();

        Assert.Equal(["Checkout"], (await _running.Engine.SearchAsync("checkout")).Titles());
        Assert.Equal(["Animal Shop"], (await _running.Engine.SearchAsync("animal")).Titles());
        Assert.Empty((await _running.Engine.SearchAsync("react")).Results);
        Assert.Contains("component:default/checkout", _docs.Collated);
    }

    [Fact]
    public async Task Recollates_only_the_signalled_type_when_a_feature_reports_a_change()
    {
        await _running.WaitIdleAsync();
        _docs.Pages["component:default/petstore"] = ["Calibrate the warp drive", "Refuel"];
        _docs.Collated.Clear();

        ((ISearchIndexQueue)_running.Queue).DocumentsChanged("techdocs", "component:default/petstore");
        await _running.WaitIdleAsync();

        Assert.Empty((await _running.Engine.SearchAsync("capacitor")).Results);
        Assert.Single((await _running.Engine.SearchAsync("warp")).Results);
        Assert.Equal(["component:default/petstore"], _docs.Collated);
    }

    [Fact]
    public async Task Recollates_a_whole_type_when_more_changes_wait_than_the_threshold()
    {
        await _running.DisposeAsync();
        _running = await Running.StartAsync(_folder, _reader, _docs, o => o.FullCollationThreshold = 2);
        await _running.WaitIdleAsync();
        var refs = Enumerable.Range(0, 5).Select(i => _reader.Put("Component", $"bulk-{i}", new { description = "bulk widget" })).ToList();

        await _running.Queue.EntitiesChangedAsync(refs, CancellationToken.None);
        await _running.WaitIdleAsync();

        Assert.Equal(5, (await _running.Engine.SearchAsync("widget", types: ["software-catalog"])).NumberOfResults);
    }

    [Fact]
    public async Task Rebuilds_the_index_after_its_files_are_corrupted_and_the_server_restarts()
    {
        await _running.WaitIdleAsync();
        await _running.DisposeAsync();
        _folder.Corrupt();

        _running = await Running.StartAsync(_folder, _reader, _docs);
        var status = await _running.WaitIdleAsync();

        Assert.Equal(4, status.Documents);
        Assert.Equal(["Pet Store"], (await _running.Engine.SearchAsync("pet store")).Titles());
    }

    [Fact]
    public async Task Does_not_rebuild_an_intact_index_on_restart()
    {
        await _running.WaitIdleAsync();
        await _running.DisposeAsync();

        _running = await Running.StartAsync(_folder, _reader, _docs);
        var status = await _running.WaitIdleAsync();

        Assert.Null(status.LastBuild);
        Assert.Equal(4, status.Documents);
    }

    [Fact]
    public async Task Opens_and_builds_the_index_only_once_the_catalogs_first_sync_is_done()
    {
        await _running.DisposeAsync();
        using var fresh = new TempIndex();
        var catalog = new SwitchableActivity();

        _running = await Running.StartAsync(fresh, _reader, _docs, activity: catalog);
        await Task.Delay(200);

        Assert.Equal(SearchIndexStatus.Waiting, _running.Indexer.State);
        Assert.False(Directory.Exists(fresh.Path), "the index was opened before the catalog's first sync");
        catalog.InitialSyncDone = true;
        var status = await _running.WaitIdleAsync();
        Assert.Equal(4, status.Documents);
        Assert.NotNull(status.LastBuild);
    }

    [Fact]
    public async Task Builds_the_other_types_when_one_collator_fails()
    {
        await _running.DisposeAsync();
        _docs.Fail = true;
        using var fresh = new TempIndex();

        _running = await Running.StartAsync(fresh, _reader, _docs);
        var status = await _running.WaitIdleAsync();

        // Both entities in software-catalog, the template in software-templates; no techdocs.
        Assert.Equal(3, status.Documents);
    }

    private sealed class SwitchableActivity : ICatalogActivity
    {
        public bool InitialSyncDone { get; set; }
    }

    /// <summary>A <c>techdocs</c>-like collator: several documents per entity, from pages set by the test.</summary>
    private sealed class FakeDocsCollator : ISearchCollator
    {
        public Dictionary<string, string[]> Pages { get; } = [];

        public List<string> Collated { get; } = [];

        public bool Fail { get; set; }

        public string Type => "techdocs";

        public async IAsyncEnumerable<SearchDocument> CollateAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var entityRef in Pages.Keys.ToList())
            {
                await foreach (var document in CollateEntityAsync(entityRef, cancellationToken))
                {
                    yield return document;
                }
            }
        }

        public async IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (Fail)
            {
                throw new InvalidOperationException("docs unavailable");
            }

            lock (Collated)
            {
                Collated.Add(entityRef);
            }

            foreach (var (text, i) in Pages.GetValueOrDefault(entityRef, []).Select((t, i) => (t, i)))
            {
                yield return new SearchDocument(Type, $"{entityRef}#{i}", entityRef, $"Page {i}", text, $"/docs/{i}", new Dictionary<string, string>());
            }
        }
    }

    /// <summary>An engine, queue and indexer as the host wires them, started; disposing stops and closes them.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private bool _disposed;

        private Running(LuceneSearchEngine engine, SearchWorkQueue queue, SearchIndexer indexer)
        {
            Engine = engine;
            Queue = queue;
            Indexer = indexer;
        }

        public LuceneSearchEngine Engine { get; }

        public SearchWorkQueue Queue { get; }

        public SearchIndexer Indexer { get; }

        public static async Task<Running> StartAsync(
            TempIndex folder, InMemoryCatalogReader reader, ISearchCollator docs, Action<SearchOptions>? configure = null, ICatalogActivity? activity = null)
        {
            ISearchCollator[] collators =
            [
                new CatalogSearchCollator(reader, NullLogger<CatalogSearchCollator>.Instance),
                new TemplateSearchCollator(reader, NullLogger<TemplateSearchCollator>.Instance),
                docs,
            ];
            var engine = folder.Open(configure);
            var queue = new SearchWorkQueue(collators);
            var indexer = new SearchIndexer(
                engine, queue, collators, activity is null ? [] : [activity], Options.Create(folder.Options(configure)), TimeProvider.System, NullLogger<SearchIndexer>.Instance);
            await indexer.StartAsync(CancellationToken.None);
            return new Running(engine, queue, indexer);
        }

        /// <summary>Polls until the indexer has nothing to do (bounded: a stuck indexer fails the test).</summary>
        public async Task<SearchIndexStatus> WaitIdleAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var status = await Indexer.GetStatusAsync(timeout.Token);
                if (status.Idle)
                {
                    return status;
                }

                await Task.Delay(20, timeout.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await Indexer.StopAsync(CancellationToken.None);
            Indexer.Dispose();
            Engine.Dispose();
        }
    }
}
