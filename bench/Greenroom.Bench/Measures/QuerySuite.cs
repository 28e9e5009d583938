using System.Text;
using System.Text.Json;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>The latency measures of the issue: each query sent sequentially, after a warm-up, ≥ 200 times.</summary>
internal sealed class QuerySuite
{
    private const int WarmUp = 20;

    private readonly IReadOnlyList<QuerySpec> _queries;

    private QuerySuite(IReadOnlyList<QuerySpec> queries) => _queries = queries;

    /// <summary>The filtered page (50 services), also the throughput request.</summary>
    public static HttpRequestMessage FilteredPage() =>
        new(HttpMethod.Get, "api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=50");

    /// <summary>Looks up what the queries need (names to rotate over, a team) from the running catalog.</summary>
    public static async Task<QuerySuite> PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.GetJsonAsync(
            "api/catalog/entities/by-query?filter=kind=component&limit=300&fields=kind,metadata.name,metadata.namespace", cancellationToken);
        var names = (page["items"]?.AsArray() ?? []).Select(i => i?["metadata"]?["name"]?.GetValue<string>()).OfType<string>().ToList();
        if (names.Count == 0)
        {
            throw new BenchException("The catalog has no components to query");
        }

        var sample = await context.Client.GetEntityAsync("component", context.Manifest.SampleComponent, cancellationToken)
            ?? throw new BenchException($"Sample component {context.Manifest.SampleComponent} not found");
        var owner = sample["spec"]?["owner"]?.GetValue<string>() ?? throw new BenchException("Sample component has no owner");
        var ownerRef = owner.Contains(':', StringComparison.Ordinal) ? owner : $"group:default/{owner}";
        var refs = names.Select(n => $"component:default/{n}").ToList();
        var byRefsBody = JsonSerializer.Serialize(new { entityRefs = Enumerable.Range(0, 100).Select(i => refs[i % refs.Count]).ToList() });
        var term = Uri.EscapeDataString(context.Manifest.SearchTerm);
        var next = 0;

        return new QuerySuite(
        [
            new("p95 by-name", 2, () => new HttpRequestMessage(HttpMethod.Get,
                $"api/catalog/entities/by-name/component/default/{Uri.EscapeDataString(names[next++ % names.Count])}")),
            new("p95 filtered page (50 services)", 15, FilteredPage),
            new("p95 full text", 20, () => new HttpRequestMessage(HttpMethod.Get,
                $"api/catalog/entities/by-query?fullTextFilterTerm={term}&limit=50")),
            new("p95 facets spec.type + metadata.tags", 30, () => new HttpRequestMessage(HttpMethod.Get,
                "api/catalog/entity-facets?facet=spec.type&facet=metadata.tags")),
            new("p95 by-refs (100)", 20, () => new HttpRequestMessage(HttpMethod.Post, "api/catalog/entities/by-refs")
            {
                Content = new StringContent(byRefsBody, Encoding.UTF8, "application/json"),
            }),
            new($"p95 owned by one group", null, () => new HttpRequestMessage(HttpMethod.Get,
                $"api/catalog/entities/by-query?filter=relations.ownedby={Uri.EscapeDataString(ownerRef.ToLowerInvariant())}&limit=1000")),
        ]);
    }

    /// <summary>Runs every query; <paramref name="label"/> is appended to the measure names (e.g. "during refresh").</summary>
    public async Task<IReadOnlyList<(string Name, double? Target, LatencyStats Stats)>> RunAsync(
        BenchContext context, CancellationToken cancellationToken)
    {
        var results = new List<(string, double?, LatencyStats)>();
        foreach (var query in _queries)
        {
            var deadline = new Deadline(context.Arguments.Timeout, query.Name);
            for (var i = 0; i < WarmUp; i++)
            {
                await context.Client.TimeAsync(query.Request, cancellationToken);
            }

            var samples = new List<double>(context.Arguments.Requests);
            for (var i = 0; i < context.Arguments.Requests; i++)
            {
                deadline.Check();
                samples.Add(await context.Client.TimeAsync(query.Request, cancellationToken));
            }

            results.Add((query.Name, query.TargetP95, LatencyStats.From(samples)));
        }

        return results;
    }

    /// <summary>The idle measures, one per query, with the p95 targets.</summary>
    public static IEnumerable<Measure> IdleMeasures(IEnumerable<(string Name, double? Target, LatencyStats Stats)> results) =>
        results.Select(r => r.Target is { } target
            ? Measure.AtMost(r.Name, r.Stats.P95, "ms", target, Describe(r.Stats))
            : new Measure(r.Name, r.Stats.P95, "ms", null, null, Describe(r.Stats)));

    /// <summary>The same queries during refresh passes; no target of their own, compared with the idle p95.</summary>
    public static IEnumerable<Measure> BusyMeasures(
        IEnumerable<(string Name, double? Target, LatencyStats Stats)> busy,
        IReadOnlyList<(string Name, double? Target, LatencyStats Stats)> idle,
        int passes) =>
        busy.Select(r =>
        {
            var quiet = idle.First(i => i.Name == r.Name).Stats.P95;
            return new Measure($"{r.Name} during refresh", r.Stats.P95, "ms", null, null,
                $"{Describe(r.Stats)}; {r.Stats.P95 / quiet:0.#}× idle; {passes} passes ran");
        });

    private static string Describe(LatencyStats s) =>
        $"median {Measure.Format(s.Median)} / p99 {Measure.Format(s.P99)} ms over {s.Count}";

    private sealed record QuerySpec(string Name, double? TargetP95, Func<HttpRequestMessage> Request);
}
