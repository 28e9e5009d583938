using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// Catalog queryable → every entity findable through <c>/api/search/query</c>. The search index is built in the
/// background after the catalog's first sync, so this is when search catches up; the idle latency measures wait for it,
/// or they would time the index build rather than the queries.
/// </summary>
internal static class SearchCatchUp
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<IReadOnlyList<Measure>> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var expected = context.Manifest.TotalEntities;
        var deadline = new Deadline(context.Arguments.Timeout, $"{expected} entities to be searchable");
        var since = context.Server.SinceStart.Elapsed;
        var cpuBefore = context.Server.CpuTime();
        var found = 0;
        while (true)
        {
            deadline.Check();
            context.Server.SamplePeakRss();
            var page = await context.Client.GetJsonAsync("api/search/query?types%5B0%5D=software-catalog&term=", cancellationToken);
            found = page["numberOfResults"]?.GetValue<int>() ?? 0;
            if (found >= expected)
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var seconds = (context.Server.SinceStart.Elapsed - since).TotalSeconds;
        var cpu = (context.Server.CpuTime() - cpuBefore).TotalSeconds;
        return
        [
            new Measure("search caught up after cold ingestion", seconds, "s", null, null,
                $"{found} entities searchable; {cpu:0.0} s server CPU meanwhile"),
        ];
    }
}
