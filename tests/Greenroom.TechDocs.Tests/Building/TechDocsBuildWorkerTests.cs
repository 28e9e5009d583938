using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Greenroom.TechDocs.Tests.Building;

public sealed class TechDocsBuildWorkerTests : IDisposable
{
    private readonly TechDocsHarness _harness = new();
    private readonly TechDocsBuildQueue _queue = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Sweep_queues_documented_entities_and_those_with_stored_docs()
    {
        var documented = _harness.AddService("tracking");
        _harness.Catalog.Add("plain", null, "file:/x/catalog-info.yaml");
        await _harness.Store.SetStatusAsync(new("component:default/gone", "ok", null, null, _harness.Time.GetUtcNow(), null, []), default);
        var worker = new TechDocsBuildWorker(_queue, _harness.Builder, _harness.Catalog, [], _harness.Store, Options.Create(new TechDocsOptions()), _harness.Time, NullLogger<TechDocsBuildWorker>.Instance);

        await worker.SweepAsync(default);

        Assert.Equal(2, _queue.Count);
        Assert.Equal(documented, await _queue.DequeueAsync(default));
        Assert.Equal("component:default/gone", await _queue.DequeueAsync(default));
    }

    [Fact]
    public async Task Sweep_counts_folders_without_mkdocs_yml_instead_of_queueing_them()
    {
        var documented = _harness.AddService("tracking");
        var bare = _harness.AddService("ledger");
        File.Delete(_harness.Folder.PathOf("repo/ledger/mkdocs.yml"));
        var worker = new TechDocsBuildWorker(_queue, _harness.Builder, _harness.Catalog, [], _harness.Store, Options.Create(new TechDocsOptions()), _harness.Time, NullLogger<TechDocsBuildWorker>.Instance);

        var sweep = await worker.SweepAsync(default);

        Assert.Equal(new DocsSweep(2, 1), sweep);
        Assert.Equal(1, _queue.Count);
        Assert.Equal(documented, await _queue.DequeueAsync(default));
        Assert.Null(await _harness.Store.GetStatusAsync(bare, default));
        Assert.Equal(1, _harness.Builder.EntitiesWithoutConfig);
    }

    [Fact]
    public async Task A_flood_of_changes_becomes_one_sweep_request()
    {
        var queue = new TechDocsBuildQueue(sweepThreshold: 3);

        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            queue.Enqueue($"component:default/{name}");
        }

        Assert.Equal(TechDocsBuildQueue.SweepRequest, await queue.DequeueAsync(default));
        Assert.Equal(0, queue.Count);
        queue.Enqueue("component:default/e");
        Assert.Equal("component:default/e", await queue.DequeueAsync(default));
    }

    [Fact]
    public async Task Listener_queues_each_changed_entity_once_until_it_is_taken()
    {
        var listener = new TechDocsChangeListener(_queue);

        await listener.EntitiesChangedAsync(["component:default/a", "Component:default/A", "component:default/b"], default);

        Assert.Equal(2, _queue.Count);
        Assert.Equal("component:default/a", await _queue.DequeueAsync(default));
        await listener.EntitiesChangedAsync(["component:default/a"], default);
        Assert.Equal(2, _queue.Count);
    }

    [Fact]
    public async Task Worker_builds_what_the_catalog_reports_changed()
    {
        var entityRef = _harness.AddService("billing");
        var worker = new TechDocsBuildWorker(_queue, _harness.Builder, _harness.Catalog, [], _harness.Store, Options.Create(new TechDocsOptions()), _harness.Time, NullLogger<TechDocsBuildWorker>.Instance);
        await worker.StartAsync(default);
        try
        {
            await new TechDocsChangeListener(_queue).EntitiesChangedAsync([entityRef], default);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await _harness.Store.GetSiteAsync(entityRef, default) is null)
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        finally
        {
            await worker.StopAsync(default);
        }

        Assert.Equal([("techdocs", entityRef)], _harness.Search.Changes);
    }

    [Fact]
    public async Task Worker_leaves_changes_queued_until_the_catalogs_first_sync_is_done()
    {
        var entityRef = _harness.AddService("billing");
        var catalog = new SwitchableActivity();
        var worker = new TechDocsBuildWorker(_queue, _harness.Builder, _harness.Catalog, [catalog], _harness.Store, Options.Create(new TechDocsOptions()), _harness.Time, NullLogger<TechDocsBuildWorker>.Instance);
        await worker.StartAsync(default);
        try
        {
            await new TechDocsChangeListener(_queue).EntitiesChangedAsync([entityRef], default);
            for (var i = 0; i < 10; i++)
            {
                _harness.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20);
            }

            Assert.Null(await _harness.Store.GetSiteAsync(entityRef, default));
            Assert.Equal(1, _queue.Count);

            catalog.InitialSyncDone = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await _harness.Store.GetSiteAsync(entityRef, default) is null)
            {
                _harness.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20, timeout.Token);
            }
        }
        finally
        {
            await worker.StopAsync(default);
        }

        Assert.Equal(0, _queue.Count);
    }

    private sealed class SwitchableActivity : Greenroom.Plugins.Catalog.ICatalogActivity
    {
        public bool InitialSyncDone { get; set; }
    }
}
