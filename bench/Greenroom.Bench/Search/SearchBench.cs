using System.Diagnostics;
using System.Runtime.InteropServices;
using Greenroom.Bench.Measures;
using Greenroom.Bench.Reporting;
using Greenroom.Bench.Server;
using Greenroom.Plugins.Search;
using Greenroom.Search;
using Greenroom.Search.Collators;
using Greenroom.Search.Engine;
using Greenroom.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Greenroom.Bench.Search;

/// <summary>
/// The search engine on its own, in process: a full build of N entities (through the real catalog and template
/// collators) and P documentation pages into a Lucene index on disk, an incremental update, then varied queries
/// with highlights and facets, each timed. The catalog is read from memory, so SQLite's share is not in the numbers.
/// </summary>
internal sealed class SearchBench(BenchArguments arguments, TextWriter output)
{
    private const int Warmup = 50;
    private const int IncrementalEntities = 2_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var entities = arguments.Entities ?? 100_000;
        var root = Path.Combine(Path.GetTempPath(), $"greenroom-search-bench-{startedAt:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var measures = new List<Measure>();
        var notes = new List<string>
        {
            "in process: Lucene engine and collators, catalog read from memory (no SQLite, no HTTP)",
            $"queries measured after {arguments.Warmup} warm-up queries of other words (--warmup) and 50 of the mix",
        };
        try
        {
            output.WriteLine($"generating {entities} entities and {arguments.DocPages} doc pages (seed {arguments.Seed})");
            var corpus = new SyntheticSearchCorpus(entities, arguments.DocPages, arguments.Seed);
            ISearchCollator[] collators =
            [
                new CatalogSearchCollator(corpus, NullLogger<CatalogSearchCollator>.Instance),
                new TemplateSearchCollator(corpus, NullLogger<TemplateSearchCollator>.Instance),
                corpus.DocsCollator(),
            ];
            var options = Options.Create(new SearchOptions { IndexPath = Path.Combine(root, "search-index") });
            using var engine = new LuceneSearchEngine(options, NullLogger<LuceneSearchEngine>.Instance);

            output.WriteLine("full build ...");
            var cpu = CpuClock.Process();
            var started = Stopwatch.GetTimestamp();
            var count = await engine.RebuildAsync(All(collators, cancellationToken), null, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpuSeconds = cpu.Elapsed.TotalSeconds;
            measures.Add(Measure.AtLeast("full build", count / elapsed.TotalSeconds, "documents/s", 5000, $"{count} documents in {elapsed.TotalSeconds:0.0} s wall clock"));
            measures.Add(Measure.AtLeast("full build per CPU second", count / cpuSeconds, "documents/s", 5000, $"{cpuSeconds:0.0} s of CPU (all threads): the rate on an idle core"));
            measures.Add(new Measure("index size", DirectoryBytes(options.Value.IndexPath!) / 1048576.0, "MB", null, null, $"{Segments(options.Value.IndexPath!)} segments"));

            output.WriteLine("incremental update ...");
            measures.Add(await IncrementalAsync(engine, collators[0], corpus, cancellationToken));

            output.WriteLine($"queries: {arguments.Warmup} + {Warmup} warm-up, {arguments.Requests} measured ...");
            measures.AddRange(await QueriesAsync(engine, cancellationToken));
        }
        finally
        {
            TryDelete(root);
        }

        var report = new BenchReport(
            startedAt,
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            await GitCommit.DescribeAsync(ServerLocator.RepositoryRoot(), CancellationToken.None),
            entities,
            "search",
            $"synthetic, seed {arguments.Seed}, {arguments.DocPages} doc pages",
            measures,
            notes);
        output.WriteLine();
        output.Write(ReportWriter.Table(report));
        return 0;
    }

    private static async IAsyncEnumerable<SearchDocument> All(IEnumerable<ISearchCollator> collators, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var collator in collators)
        {
            await foreach (var document in collator.CollateAllAsync(cancellationToken))
            {
                yield return document;
            }
        }
    }

    private static async Task<Measure> IncrementalAsync(LuceneSearchEngine engine, ISearchCollator catalog, SyntheticSearchCorpus corpus, CancellationToken cancellationToken)
    {
        var refs = corpus.Entities.Take(IncrementalEntities).Select(e => e.EntityRef).ToList();
        var documents = new Dictionary<string, List<SearchDocument>>();
        await foreach (var document in catalog.CollateAllAsync(cancellationToken))
        {
            if (documents.Count >= IncrementalEntities)
            {
                break;
            }

            documents[document.EntityRef] = [document];
        }

        // Batches of the indexer's default size, each its own commit, as catalog changes arrive.
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in refs.Chunk(500))
        {
            await engine.UpdateAsync(chunk.Select(r => new SearchUpdate(catalog.Type, r, documents.GetValueOrDefault(r) ?? [])).ToList(), cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Measure("incremental update", refs.Count / elapsed.TotalSeconds, "documents/s", null, null, $"{refs.Count} entities in batches of 500, one commit each");
    }

    private async Task<List<Measure>> QueriesAsync(LuceneSearchEngine engine, CancellationToken cancellationToken)
    {
        // The warm-up draws other words (another seed), so the measured queries are the same whatever its length.
        foreach (var (category, query) in SearchQueryMix.Build(arguments.Warmup, arguments.Seed + 1))
        {
            if (category == "suggest")
            {
                await engine.SuggestAsync(query.Term, [], 8, cancellationToken);
            }
            else
            {
                await engine.QueryAsync(query, cancellationToken);
            }
        }

        var queries = SearchQueryMix.Build(Warmup + arguments.Requests, arguments.Seed);
        var timings = new List<(string Category, double Milliseconds, double CpuMilliseconds, int Hits)>();
        var slowest = new List<(double CpuMilliseconds, string Term)>();
        var phases = new QueryPhaseProfile();
        engine.PhaseReached = phases.Reached;
        foreach (var (i, (category, query)) in queries.Index())
        {
            phases.Start();
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpu = CpuClock.Thread();
            var started = Stopwatch.GetTimestamp();
            var hits = category == "suggest"
                ? (await engine.SuggestAsync(query.Term, [], 8, cancellationToken)).Count
                : (await engine.QueryAsync(query, cancellationToken)).NumberOfResults;
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var cpuMilliseconds = cpu.Elapsed.TotalMilliseconds;
            if (i >= Warmup)
            {
                timings.Add((category, milliseconds, cpuMilliseconds, hits));
                slowest.Add((cpuMilliseconds, $"{category} '{query.Term}' [gc {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}]"));
                phases.Finish(category);
            }
        }

        engine.PhaseReached = null;

        var all = LatencyStats.From(timings.Select(t => t.Milliseconds).ToList());
        var allCpu = LatencyStats.From(timings.Select(t => t.CpuMilliseconds).ToList());
        var measures = new List<Measure>
        {
            Measure.AtMost("query p95", all.P95, "ms", 30, $"{all.Count} queries, page of 25 with highlights and facets; median {all.Median:0.0} ms, p99 {all.P99:0.0} ms, max {all.Max:0.0} ms"),
            Measure.AtMost("query p95 CPU time", allCpu.P95, "ms", 30, $"CPU time of the querying thread; median {allCpu.Median:0.0} ms, p99 {allCpu.P99:0.0} ms"),
        };
        foreach (var group in timings.GroupBy(t => t.Category))
        {
            var stats = LatencyStats.From(group.Select(t => t.Milliseconds).ToList());
            var cpu = LatencyStats.From(group.Select(t => t.CpuMilliseconds).ToList());
            measures.Add(new Measure(
                $"  {group.Key} p95",
                stats.P95,
                "ms",
                null,
                null,
                $"{stats.Count} queries, median {stats.Median:0.0} ms; CPU p95 {cpu.P95:0.0} ms, median {cpu.Median:0.0} ms; mean hits {group.Average(t => t.Hits):0}"));
        }

        output.WriteLine("mean CPU ms per query phase:");
        foreach (var line in phases.Lines())
        {
            output.WriteLine(line);
        }

        output.WriteLine("slowest queries by CPU: " + string.Join(", ", slowest.OrderByDescending(s => s.CpuMilliseconds).Take(8).Select(s => $"{s.Term} {s.CpuMilliseconds:0.0} ms")));
        return measures;
    }

    private static int Segments(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.si").Count() : 0;

    private static long DirectoryBytes(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length) : 0;

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
