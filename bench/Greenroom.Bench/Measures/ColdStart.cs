using Greenroom.Bench.Reporting;
using Greenroom.Bench.Server;

namespace Greenroom.Bench.Measures;

/// <summary>A second server process on the database the first one left: start → <c>/healthz</c> 200, and → idle.</summary>
internal static class ColdStart
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<IReadOnlyList<Measure>> MeasureAsync(ServerProcess server, CatalogClient client, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var deadline = new Deadline(arguments.Timeout, "the restarted server to answer /healthz");
        double? healthy = null;
        while (true)
        {
            deadline.Check();
            if (server.HasExited)
            {
                throw new BenchException("The restarted server exited; see its log");
            }

            var health = await HealthSnapshot.TakeAsync(client, cancellationToken);
            if (health.Healthy)
            {
                healthy ??= server.SinceStart.Elapsed.TotalSeconds;
                if (health.Idle ?? true)
                {
                    break;
                }
            }

            await Task.Delay(healthy is null ? PollInterval : PollInterval * 10, cancellationToken);
        }

        return
        [
            Measure.AtMost("cold start on existing data → /healthz 200", healthy, "s", 1.5),
            new Measure("cold start → start-up pass done (idle)", server.SinceStart.Elapsed.TotalSeconds, "s", null, null,
                "the restart re-reads every location once"),
        ];
    }
}
