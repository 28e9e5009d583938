using System.Diagnostics;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>Requests per second of the filtered page with several concurrent clients over a fixed number of requests.</summary>
internal static class Throughput
{
    public static async Task<Measure> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var total = context.Arguments.ThroughputRequests;
        var clients = context.Arguments.Clients;

        // Warm the connection pool so connection set-up is not part of the number.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => context.Client.TimeAsync(QuerySuite.FilteredPage, cancellationToken)));

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(context.Arguments.Timeout);
        var issued = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref issued) <= total)
            {
                await context.Client.TimeAsync(QuerySuite.FilteredPage, bound.Token);
            }
        }, bound.Token)));
        var seconds = clock.Elapsed.TotalSeconds;
        return Measure.AtLeast($"filtered page, {clients} clients", total / seconds, "req/s", 2000, $"{total} requests in {seconds:0.00} s");
    }
}
