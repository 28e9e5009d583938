using System.Diagnostics;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// Idle refresh: a full pass over an unchanged catalog. The server has no "refresh everything" endpoint, but
/// <c>POST /refresh</c> re-reads the entity's whole root location and answers when the pass (and its stitching) is done,
/// and the bench configures exactly one root location, so one call is one full pass.
/// </summary>
internal static class RefreshPasses
{
    private const int Samples = 3;

    public static async Task<IReadOnlyList<Measure>> IdlePassAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var before = await HealthSnapshot.TakeAsync(context.Client, cancellationToken);
        var durations = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await context.Client.RefreshAsync(context.RefreshRef, cancellationToken);
            durations.Add(clock.Elapsed.TotalSeconds);
        }

        var after = await HealthSnapshot.TakeAsync(context.Client, cancellationToken);
        var passes = after.PassesCompleted - before.PassesCompleted;
        var rewritten = after.EntitiesStitched - before.EntitiesStitched;
        return
        [
            Measure.AtMost("idle refresh pass", durations.Order().ElementAt(Samples / 2), "s", 3,
                $"POST /refresh = one pass of the root location; median of {Samples}; passes counted by /healthz: {passes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}"),
            Measure.Exactly("final entities rewritten by idle passes", rewritten, "count", 0, "/healthz entitiesStitched delta over the idle passes"),
        ];
    }

    /// <summary>Resident memory before and after <see cref="BenchArguments.IdlePasses"/> idle passes.</summary>
    public static async Task<IReadOnlyList<Measure>> MemoryGrowthAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var before = context.Server.CurrentRss();
        var passes = context.Arguments.IdlePasses;
        var deadline = new Deadline(context.Arguments.Timeout, $"{passes} idle refresh passes");
        for (var i = 0; i < passes; i++)
        {
            deadline.Check();
            await context.Client.RefreshAsync(context.RefreshRef, cancellationToken);
        }

        var after = context.Server.CurrentRss();
        var beforeMb = before / 1048576.0;
        var afterMb = after / 1048576.0;

        // Some drift is the GC's choice, not a leak: allow 10% or 32 MB, whichever is larger.
        var allowed = Math.Max(beforeMb * 0.10, 32);
        return
        [
            new Measure($"RSS before {passes} idle passes", beforeMb, "MB", null, null),
            new Measure($"RSS after {passes} idle passes", afterMb, "MB", $"≤ before + {Measure.Format(allowed)} MB", afterMb - beforeMb <= allowed,
                $"growth {afterMb - beforeMb:+0.#;-0.#;0} MB"),
        ];
    }
}
