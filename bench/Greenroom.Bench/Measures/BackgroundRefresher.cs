namespace Greenroom.Bench.Measures;

/// <summary>Keeps full refresh passes running back to back while other measures run, then stops them.</summary>
internal sealed class BackgroundRefresher : IAsyncDisposable
{
    // A bound on the loop whatever happens; far more than a measure's duration needs.
    private const int MaxPasses = 100_000;

    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _passes;

    private BackgroundRefresher(BenchContext context, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop.CancelAfter(context.Arguments.Timeout);
        _loop = Task.Run(() => LoopAsync(context, _stop.Token), CancellationToken.None);
    }

    /// <summary>Passes completed so far.</summary>
    public int Passes => Volatile.Read(ref _passes);

    public static BackgroundRefresher Start(BenchContext context, CancellationToken cancellationToken) => new(context, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(BenchContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxPasses && !cancellationToken.IsCancellationRequested; i++)
        {
            await context.Client.RefreshAsync(context.RefreshRef, cancellationToken);
            Interlocked.Increment(ref _passes);
        }
    }
}
