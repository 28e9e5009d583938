using System.Diagnostics;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Store;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// One pass over one stored location: read it, compare content hashes, derive relations for changed entities only,
/// apply them to the store, and record the location's status (conflicts included). A store that supports it gets the
/// pass in parts while it is read (each part applied while the next is read) and decides orphans at the end, so the
/// pass never holds every processed entity; otherwise the pass is applied whole in one call.
/// </summary>
internal sealed class LocationIngestor(
    LocationPassReader passReader,
    ICatalogStore store,
    IOptions<CatalogOptions> catalogOptions,
    TimeProvider timeProvider)
{
    /// <summary>Ingests <paramref name="location"/> (does not stitch).</summary>
    public async Task<LocationPassReport> IngestAsync(LocationRecord location, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // Hashes first: the reader then keeps only what the batch needs of each entity (nothing when unchanged).
        var hashes = await store.GetContentHashesAsync(location.Id, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var planner = new PassPlanner(hashes);
        PassResult pass;
        IngestionOutcome outcome;
        TimeSpan? storeWrites = null, readerWaits = null;
        if (store.SupportsChunkedIngestion)
        {
            var applier = new ChunkedPassApplier(store, location.Id, now);
            try
            {
                pass = await passReader.ReadForIngestionAsync(
                    location.Type,
                    location.Target,
                    hashes,
                    (entities, ct) => applier.AddAsync(planner.Plan(entities), ct),
                    catalogOptions.Value.IngestionPartSize,
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Never leave a part being written behind the caller's back (the engine's writer lock covers it).
                await applier.SettleAsync().ConfigureAwait(false);
            }

            outcome = await applier.EndAsync(
                new IngestionPassEnd(location.Id, planner.Produced, pass.KeepSources, now), cancellationToken).ConfigureAwait(false);
            storeWrites = applier.WriteTime;
            readerWaits = applier.ReaderWaitTime;
        }
        else
        {
            pass = await passReader.ReadForIngestionAsync(location.Type, location.Target, hashes, null, 0, cancellationToken).ConfigureAwait(false);
            var batch = new IngestionBatch(location.Id, planner.Plan(pass.Entities), pass.KeepSources, now);
            outcome = await store.ApplyIngestionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var problems = new List<CatalogProblem>(pass.Problems);
        problems.AddRange(planner.Problems);
        var owners = new Dictionary<Guid, string>();
        foreach (var conflict in outcome.Conflicts)
        {
            // Conflicts usually come in bunches from one other location: look each owner up once.
            if (!owners.TryGetValue(conflict.OwnerLocationId, out var ownerName))
            {
                var owner = await store.GetLocationAsync(conflict.OwnerLocationId, cancellationToken).ConfigureAwait(false);
                ownerName = owner is null ? conflict.OwnerSource : $"{owner.Type}:{owner.Target}";
                owners[conflict.OwnerLocationId] = ownerName;
            }

            problems.Add(new CatalogProblem($"{conflict.EntityRef} is already provided by location {ownerName}; ignored", File: conflict.Source)
            {
                Name = "ConflictError",
            });
        }

        var deleted = 0;
        if (catalogOptions.Value.OrphanStrategy == OrphanStrategy.Delete && outcome.Orphaned.Count > 0)
        {
            var sources = await store.GetStitchSourcesAsync(outcome.Orphaned, cancellationToken).ConfigureAwait(false);
            foreach (var source in sources)
            {
                if (await store.DeleteEntityAsync(source.Uid, now, cancellationToken).ConfigureAwait(false) is not null)
                {
                    deleted++;
                }
            }
        }

        var conflicted = outcome.Conflicts.Select(c => c.EntityRef).ToHashSet(StringComparer.Ordinal);
        var produced = planner.ProducedInOrder.Where(r => !conflicted.Contains(r)).ToList();
        var state = pass.RootUnreadable ? "failed" : problems.Count > 0 ? "warning" : "ok";
        var status = new LocationStatus(state, now, produced.Count, ProblemJson.LocationErrors(problems));
        await store.UpdateLocationStatusAsync(location.Id, status, cancellationToken).ConfigureAwait(false);

        return new LocationPassReport(
            location,
            produced,
            outcome,
            problems,
            deleted,
            pass.DocumentsRead,
            Stopwatch.GetElapsedTime(started))
        {
            FilesRead = pass.FilesRead,
            FilesReused = pass.FilesReused,
            StoreWriteTime = storeWrites,
            ReaderWaitTime = readerWaits,
        };
    }
}

/// <summary>What one location pass did.</summary>
/// <param name="Location">The location read.</param>
/// <param name="EntityRefs">Refs it produced and owns (conflicts excluded, failed-but-stored included).</param>
/// <param name="Outcome">What the store did.</param>
/// <param name="Problems">Every problem, conflicts included.</param>
/// <param name="DeletedOrphans">Orphans deleted (OrphanStrategy delete).</param>
/// <param name="DocumentsRead">Entity documents read.</param>
/// <param name="Elapsed">Time taken.</param>
internal sealed record LocationPassReport(
    LocationRecord Location,
    IReadOnlyList<string> EntityRefs,
    IngestionOutcome Outcome,
    IReadOnlyList<CatalogProblem> Problems,
    int DeletedOrphans,
    int DocumentsRead,
    TimeSpan Elapsed)
{
    /// <summary>Files or URLs read.</summary>
    public int FilesRead { get; init; }

    /// <summary>Files unchanged since the last pass, whose processing result was reused instead of parsing them again.</summary>
    public int FilesReused { get; init; }

    /// <summary>Time the store spent writing the pass's parts, when it was applied in parts.</summary>
    public TimeSpan? StoreWriteTime { get; init; }

    /// <summary>Time the reader waited for a part's write before handing over the next, when applied in parts.</summary>
    public TimeSpan? ReaderWaitTime { get; init; }
}
