using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// Turns what a pass read into store batches, part by part in reading order: the first occurrence of a ref in the pass
/// wins, unchanged hashes send nothing, failed entities keep their last good form when stored (and are only reported
/// when not). Remembers only refs and sources across parts, never the prepared entities.
/// </summary>
internal sealed class PassPlanner(IReadOnlyDictionary<string, string> storedHashes)
{
    // Sized for the entities stored: a pass mostly produces the same ones, and at 100k the growing collections' copies
    // were megabytes of garbage per pass.
    // Ref key → the source that first produced it in this pass.
    private readonly Dictionary<string, string> _seen = new(storedHashes.Count, StringComparer.Ordinal);
    private readonly HashSet<string> _produced = new(storedHashes.Count, StringComparer.Ordinal);
    private readonly List<string> _producedInOrder = new(storedHashes.Count);
    private readonly List<CatalogProblem> _problems = [];

    /// <summary>Every ref handed to the store so far (the location's entities that are not orphans after the pass).</summary>
    public IReadOnlySet<string> Produced => _produced;

    /// <summary><see cref="Produced"/> in reading order.</summary>
    public IReadOnlyList<string> ProducedInOrder => _producedInOrder;

    /// <summary>Duplicates within the pass and relations that could not be derived.</summary>
    public IReadOnlyList<CatalogProblem> Problems => _problems;

    /// <summary>The batch entries of the next part of the pass.</summary>
    public IReadOnlyList<IngestedEntity> Plan(IReadOnlyList<PassEntity> part)
    {
        var entities = new List<IngestedEntity>(part.Count);
        var changed = new List<(int Index, PassEntity Entity)>();
        foreach (var entity in part)
        {
            if (entity.EntityRef is not { } key)
            {
                continue;
            }

            if (!_seen.TryAdd(key, entity.Source.Target))
            {
                _problems.Add(new CatalogProblem(
                    $"{key} is defined more than once in this location; the first, from {_seen[key]}, is kept",
                    File: entity.Source.Target) { Name = "ConflictError" });
                continue;
            }

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

        _problems.AddRange(relationProblems.OfType<CatalogProblem>());
        var planned = entities.Where(e => e is not null).ToList();
        foreach (var entity in planned)
        {
            _produced.Add(entity.EntityRef);
            _producedInOrder.Add(entity.EntityRef);
        }

        return planned;
    }
}
