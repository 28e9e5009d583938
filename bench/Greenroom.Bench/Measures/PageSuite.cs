using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// Render times of the portal's pages (issue: catalog and entity pages ≤ 100 ms at 10k entities): each page fetched
/// sequentially after a warm-up, whole HTML read, on loopback, so the time is the server's render plus a local round trip.
/// Entity pages rotate over many components so no single page stays hot in a cache.
/// </summary>
internal static class PageSuite
{
    private const int WarmUp = 10;
    private const double TargetMilliseconds = 100;

    /// <summary>The pages measured, as (measure name, request factory).</summary>
    public static async Task<IReadOnlyList<Measure>> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var components = await NamesAsync(context, "component", cancellationToken);
        var groups = await NamesAsync(context, "group", cancellationToken);
        var systems = await NamesAsync(context, "system", cancellationToken);
        var pages = new (string Name, Func<string> Path)[]
        {
            ("page /catalog?kind=component", () => "catalog?kind=component"),
            ("page catalog filtered (service, production)", () => "catalog?kind=component&type=service&lifecycle=production"),
            ("page entity overview", () => $"catalog/default/component/{components()}"),
            ("page entity dependencies depth 2", () => $"catalog/default/component/{components()}/dependencies?depth=2"),
            ("page group overview (members, ownership)", () => $"catalog/default/group/{groups()}"),
            ("page system overview (parts)", () => $"catalog/default/system/{systems()}"),
            ("page /catalog-locations", () => "catalog-locations"),
        };

        var measures = new List<Measure>();
        foreach (var (name, path) in pages)
        {
            HttpRequestMessage Request() => new(HttpMethod.Get, path());
            var deadline = new Deadline(context.Arguments.Timeout, name);
            for (var i = 0; i < WarmUp; i++)
            {
                await context.Client.TimeAsync(Request, cancellationToken);
            }

            var samples = new List<double>(context.Arguments.Requests);
            for (var i = 0; i < context.Arguments.Requests; i++)
            {
                deadline.Check();
                samples.Add(await context.Client.TimeAsync(Request, cancellationToken));
            }

            var stats = LatencyStats.From(samples);
            measures.Add(Measure.AtMost($"p95 {name}", stats.P95, "ms", TargetMilliseconds,
                $"median {Measure.Format(stats.Median)} / p99 {Measure.Format(stats.P99)} ms over {stats.Count}"));
        }

        return measures;
    }

    /// <summary>Up to 200 names of <paramref name="kind"/>, handed out in rotation.</summary>
    private static async Task<Func<string>> NamesAsync(BenchContext context, string kind, CancellationToken cancellationToken)
    {
        var page = await context.Client.GetJsonAsync(
            $"api/catalog/entities/by-query?filter=kind={kind}&limit=200&fields=metadata.name", cancellationToken);
        var names = (page["items"]?.AsArray() ?? []).Select(i => i?["metadata"]?["name"]?.GetValue<string>()).OfType<string>().ToList();
        if (names.Count == 0)
        {
            throw new BenchException($"The catalog has no entity of kind {kind} to open");
        }

        var next = 0;
        return () => Uri.EscapeDataString(names[next++ % names.Count]);
    }
}
