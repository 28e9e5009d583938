using Greenroom.Plugins.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace Greenroom.Plugins.Abstractions.Tests.Catalog;

public sealed class CatalogChangeSettlerTests
{
    private static readonly CatalogChangeSettleOptions Options = new()
    {
        Poll = TimeSpan.FromSeconds(1),
        FloodThreshold = 10,
        MaxSettle = TimeSpan.FromSeconds(5),
        MaxCatalogWait = TimeSpan.FromSeconds(30),
    };

    private readonly FakeTimeProvider _time = new();
    private readonly Activity _catalog = new();

    [Fact]
    public async Task Waits_for_the_catalogs_first_sync()
    {
        var settler = new CatalogChangeSettler(_catalog, Options, _time);

        var waiting = settler.SettleAsync(() => 1, TimeSpan.Zero, CancellationToken.None);
        await TickAsync(3);
        Assert.False(waiting.IsCompleted);

        _catalog.InitialSyncDone = true;
        await TickAsync(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Gives_up_waiting_for_the_catalog_after_its_bound()
    {
        var settler = new CatalogChangeSettler(_catalog, Options, _time);

        var waiting = settler.WaitForInitialSyncAsync(CancellationToken.None);
        await TickAsync(29);
        Assert.False(waiting.IsCompleted);
        await TickAsync(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Handles_a_few_changes_at_once_without_an_activity_to_ask()
    {
        var settler = new CatalogChangeSettler(null, Options, _time);

        // No clock advance: a count below the flood threshold returns without a single poll.
        await settler.SettleAsync(() => 9, TimeSpan.Zero, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(settler.InitialSyncDone);
    }

    [Fact]
    public async Task Lets_a_growing_flood_settle_until_its_count_stops_changing()
    {
        _catalog.InitialSyncDone = true;
        var settler = new CatalogChangeSettler(_catalog, Options, _time);
        var pending = 10;

        var waiting = settler.SettleAsync(() => pending, TimeSpan.Zero, CancellationToken.None);
        pending = 20;
        await TickAsync(1);
        Assert.False(waiting.IsCompleted);

        await TickAsync(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stops_waiting_for_a_flood_that_keeps_growing_after_its_bound()
    {
        _catalog.InitialSyncDone = true;
        var settler = new CatalogChangeSettler(_catalog, Options, _time);
        var pending = 10;

        var waiting = settler.SettleAsync(() => pending += 10, TimeSpan.FromSeconds(2), CancellationToken.None);
        await TickAsync(2);
        Assert.False(waiting.IsCompleted);
        await TickAsync(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    // Advances the fake clock one poll at a time, giving the waiter a moment to register its next delay.
    private async Task TickAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            await Task.Delay(20);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(20);
    }

    private sealed class Activity : ICatalogActivity
    {
        public bool InitialSyncDone { get; set; }
    }
}
