using System.Text.Json.Nodes;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// Process start → every entity stitched and queryable with its relations: <c>/healthz</c> idle, by-query
/// <c>totalItems</c> equal to the manifest's count, and a page of components all carrying relations.
/// </summary>
internal static class ColdIngestion
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Once the server says it is idle, a count that still differs for this long is a real mismatch, not a lag.
    private static readonly TimeSpan SettledMismatch = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<Measure>> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var expected = context.Manifest.TotalEntities;
        var deadline = new Deadline(context.Arguments.Timeout, $"{expected} entities to be ingested");
        TimeSpan? firstHealthy = null;
        TimeSpan? idleSince = null;
        var lastTotal = -1;
        while (true)
        {
            deadline.Check();
            if (context.Server.HasExited)
            {
                throw new BenchException("The server exited during ingestion; see its log");
            }

            context.Server.SamplePeakRss();
            var health = await HealthSnapshot.TakeAsync(context.Client, cancellationToken);
            if (health.Healthy)
            {
                firstHealthy ??= context.Server.SinceStart.Elapsed;
                var settled = health.Idle ?? true;
                if (settled && (health.Entities is null || health.Entities >= expected || idleSince is not null))
                {
                    idleSince ??= context.Server.SinceStart.Elapsed;
                    lastTotal = await context.Client.TotalItemsAsync(string.Empty, cancellationToken);
                    if (lastTotal == expected && await AllHaveRelationsAsync(context, cancellationToken))
                    {
                        break;
                    }

                    if (context.Server.SinceStart.Elapsed - idleSince > SettledMismatch)
                    {
                        throw new BenchException($"Ingestion settled at {lastTotal} entities, the manifest expects {expected}");
                    }
                }
                else
                {
                    idleSince = null;
                }
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var seconds = context.Server.SinceStart.Elapsed.TotalSeconds;
        var cpu = context.Server.CpuTime().TotalSeconds;
        var afterHealthy = seconds - (firstHealthy?.TotalSeconds ?? 0);
        return
        [
            Measure.AtMost("cold ingestion (start → all queryable with relations)", seconds, "s", 20,
                $"first /healthz 200 after {firstHealthy?.TotalSeconds:0.00} s"),
            Measure.AtLeast("cold ingestion rate", expected / seconds, "entities/s", 5000,
                $"{expected} entities over the whole time; {expected / Math.Max(afterHealthy, 0.001):0} entities/s counted from the first /healthz 200"),
            new Measure("cold ingestion server CPU time", cpu, "s", null, null,
                $"user + system time of the server process over the cold ingestion ({cpu / Math.Max(seconds, 0.001):0.0} cores busy on average)"),
        ];
    }

    private static async Task<bool> AllHaveRelationsAsync(BenchContext context, CancellationToken cancellationToken)
    {
        // Components always have relations (owner, system): a page of them without any means stitching is behind.
        var page = await context.Client.GetJsonAsync("api/catalog/entities/by-query?filter=kind=component&limit=50&fields=metadata.name,relations", cancellationToken);
        var items = page["items"]?.AsArray() ?? [];
        var sample = await context.Client.GetEntityAsync("component", context.Manifest.SampleComponent, cancellationToken);
        return items.Count > 0
            && items.All(i => i?["relations"] is JsonArray { Count: > 0 })
            && sample?["relations"] is JsonArray { Count: > 0 };
    }
}
