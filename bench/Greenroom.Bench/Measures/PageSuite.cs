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
        var page = await context.Client.GetJsonAsync(
            "api/catalog/entities/by-query?filter=kind=component&limit=200&fields=metadata.name", cancellationToken);
        var names = (page["items"]?.AsArray() ?? []).Select(i => i?["metadata"]?["name"]?.GetValue<string>()).OfType<string>().ToList();
        if (names.Count == 0)
        {
            throw new BenchException("The catalog has no components to open");
        }

        var next = 0;
        string Name() => Uri.EscapeDataString(names[next++ % names.Count]);
        var pages = new (string Name, Func<string> Path)[]
        {
            ("page /catalog?kind=component", () => "catalog?kind=component"),
            ("page catalog filtered (service, production)", () => "catalog?kind=component&type=service&lifecycle=production"),
            ("page entity overview", () => $"catalog/default/component/{Name()}"),
            ("page entity dependencies depth 2", () => $"catalog/default/component/{Name()}/dependencies?depth=2"),
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
}
