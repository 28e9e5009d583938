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
/// apply the whole batch in one store call, and record the location's status (conflicts included).
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
        var pass = await passReader.ReadForIngestionAsync(location.Type, location.Target, hashes, cancellationToken).ConfigureAwait(false);
        var problems = new List<CatalogProblem>(pass.Problems);
        var plan = Plan(pass, hashes, problems);

        var now = timeProvider.GetUtcNow();
        var batch = new IngestionBatch(location.Id, plan.Entities, pass.KeepSources, now);
        var outcome = await store.ApplyIngestionAsync(batch, cancellationToken).ConfigureAwait(false);
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
        var produced = plan.Entities.Select(e => e.EntityRef).Where(r => !conflicted.Contains(r)).ToList();
        var state = pass.RootUnreadable ? "failed" : problems.Count > 0 ? "warning" : "ok";
        var status = new LocationStatus(state, now, produced.Count, ProblemJson.LocationErrors(problems));
        await store.UpdateLocationStatusAsync(location.Id, status, cancellationToken).ConfigureAwait(false);

        return new LocationPassReport(
            location,
            produced,
            outcome,
            problems,
            deleted,
            pass.Entities.Count,
            Stopwatch.GetElapsedTime(started))
        {
            FilesRead = pass.FilesRead,
            FilesReused = pass.FilesReused,
        };
    }

    /// <summary>
    /// Turns what was read into the batch: first occurrence of a ref wins, unchanged hashes send nothing, failed
    /// entities keep their last good form when stored (and are only reported when not).
    /// </summary>
    internal static BatchPlan Plan(PassResult pass, IReadOnlyDictionary<string, string> storedHashes, List<CatalogProblem> problems)
    {
        var seen = new Dictionary<string, PassEntity>(StringComparer.Ordinal);
        var entities = new List<IngestedEntity>(pass.Entities.Count);
        var changed = new List<(int Index, PassEntity Entity)>();
        foreach (var entity in pass.Entities)
        {
            if (entity.EntityRef is not { } key)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new CatalogProblem(
                    $"{key} is defined more than once in this location; the first, from {first.Source.Target}, is kept",
                    File: entity.Source.Target) { Name = "ConflictError" });
                continue;
            }

            seen.Add(key, entity);
            var stored = storedHashes.TryGetValue(key, out var storedHash);
            if (entity.Failed)
            {
                if (stored)
                {
                    entities.Add(storedHash == entity.ContentHash
                        ? new IngestedEntity(key, entity.ContentHash, entity.Source.Target, null, null, null)
                        : new IngestedEntity(key, entity.ContentHash, entity.Source.Target, null, null, ProblemJson.StatusItems(entity.Problems)));
                }

                continue;
            }

            if (stored && storedHash == entity.ContentHash)
            {
                entities.Add(new IngestedEntity(key, entity.ContentHash, entity.Source.Target, null, null, null));
                continue;
            }

            changed.Add((entities.Count, entity));
            entities.Add(null!);
        }

        // Serializing and deriving relations is CPU-heavy: an ingestion read did it while reading, in parallel with
        // the parsing; anything read with its tree (no stored hashes at hand) is spread over the cores here.
        var relationProblems = new CatalogProblem?[changed.Count];
        Parallel.For(0, changed.Count, i =>
        {
            var (index, entity) = changed[i];
            var key = entity.EntityRef!;
            var prepared = entity.Prepared ?? PreparedEntity.From(entity.Entity!, key, entity.Source.Target);
            if (prepared.RelationProblem is { } problem)
            {
                relationProblems[i] = problem;
                entities[index] = storedHashes.ContainsKey(key)
                    ? new IngestedEntity(key, entity.ContentHash, entity.Source.Target, null, null, ProblemJson.StatusItems([problem]))
                    : null!;
            }
            else
            {
                entities[index] = new IngestedEntity(key, entity.ContentHash, entity.Source.Target, prepared.ProcessedJson, prepared.Relations, "[]");
            }
        });

        problems.AddRange(relationProblems.OfType<CatalogProblem>());
        return new BatchPlan(entities.Where(e => e is not null).ToList());
    }

    internal sealed record BatchPlan(IReadOnlyList<IngestedEntity> Entities);
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
}
