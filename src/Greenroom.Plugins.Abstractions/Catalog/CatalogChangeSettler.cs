namespace Greenroom.Plugins.Catalog;

/// <summary>
/// Times work that a feature derives from catalog changes (search indexing, docs builds) so it does not take the
/// cores from the catalog: first the catalog's first sync is waited for, then a flood of changes (a first ingestion
/// or a mass change reports entities in batches a second or so apart) is left to settle until its count stops
/// growing, so the feature handles it in one go instead of thousands of small steps. Both waits are bounded.
/// </summary>
/// <param name="activity">The catalog's activity, or null when the host has none (nothing to wait for).</param>
/// <param name="options">Poll interval, flood size and bounds.</param>
/// <param name="time">The clock the waits run on.</param>
public sealed class CatalogChangeSettler(ICatalogActivity? activity, CatalogChangeSettleOptions options, TimeProvider time)
{
    /// <summary>Whether the catalog's first sync is done (always true without an activity to ask).</summary>
    public bool InitialSyncDone => activity?.InitialSyncDone ?? true;

    /// <summary>Waits until the catalog's first sync is done, or <see cref="CatalogChangeSettleOptions.MaxCatalogWait"/> passed.</summary>
    public async Task WaitForInitialSyncAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (!InitialSyncDone && waited < options.MaxCatalogWait)
        {
            await Task.Delay(options.Poll, time, cancellationToken).ConfigureAwait(false);
            waited += options.Poll;
        }
    }

    /// <summary>
    /// Waits for the catalog's first sync, then, while <paramref name="pending"/> is at least
    /// <see cref="CatalogChangeSettleOptions.FloodThreshold"/> and still growing, one poll at a time, up to
    /// <see cref="CatalogChangeSettleOptions.MaxSettle"/> in all (<paramref name="alreadyWaited"/> counts towards it).
    /// Returns at once for fewer changes: single edits are handled without delay.
    /// </summary>
    public async Task SettleAsync(Func<int> pending, TimeSpan alreadyWaited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await WaitForInitialSyncAsync(cancellationToken).ConfigureAwait(false);
        var waited = alreadyWaited;
        var count = pending();
        while (count >= options.FloodThreshold && waited < options.MaxSettle)
        {
            await Task.Delay(options.Poll, time, cancellationToken).ConfigureAwait(false);
            waited += options.Poll;
            var now = pending();
            if (now == count)
            {
                return;
            }

            count = now;
        }
    }
}

/// <summary>How <see cref="CatalogChangeSettler"/> waits.</summary>
public sealed record CatalogChangeSettleOptions
{
    /// <summary>How often the catalog's state and the pending count are looked at.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pending changes from which a still-growing count is left to settle; fewer are handled at once.</summary>
    public int FloodThreshold { get; init; } = 100;

    /// <summary>Longest a flood is left to settle.</summary>
    public TimeSpan MaxSettle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest the catalog's first sync is waited for (a huge or failing first pass must not stall the feature for good).</summary>
    public TimeSpan MaxCatalogWait { get; init; } = TimeSpan.FromMinutes(10);
}
