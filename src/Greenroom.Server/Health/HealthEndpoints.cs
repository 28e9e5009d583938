using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.Health;

/// <summary><c>/healthz</c>: 200 with catalog counts and ingestion progress when the store answers, 503 when it does not.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/healthz</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealth).WithName("GetHealth").WithTags("Health")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The health report.</summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
        ICatalogStore store, CatalogProgress progress, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await store.GetCountsAsync(cancellationToken);
            var locations = await store.ListLocationsAsync(cancellationToken);

            // Pending locations have never been read; the stitch queue holds refs whose final form is not yet written.
            var stitchBacklog = (await store.GetStitchQueueAsync(StitchBacklogCap, cancellationToken)).Count;
            var pending = locations.Count(l => l.Status.State == "pending");
            var ingestion = new IngestionProgress(
                progress.InitialSyncDone,
                pending,
                locations.Count(l => l.Status.State == "failed"),
                locations.Count(l => l.Status.State == "warning"),
                stitchBacklog,
                progress.InitialSyncDone && pending == 0 && stitchBacklog == 0,
                progress.PassesCompleted,
                progress.EntitiesProcessed,
                progress.EntitiesStitched,
                progress.LastPassAt);
            return TypedResults.Ok(new HealthReport("ok", counts, ingestion, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning(e, "Health check failed: the catalog store is unreachable");
            return TypedResults.Json(new HealthReport("unavailable", null, null, e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    // Counting the whole queue is not needed to say "busy"; the number is capped to keep /healthz cheap.
    private const int StitchBacklogCap = 10_000;
}

/// <summary>The <c>/healthz</c> body.</summary>
public sealed record HealthReport(string Status, CatalogCounts? Catalog, IngestionProgress? Ingestion, string? Error);

/// <summary>How far ingestion has come.</summary>
/// <param name="InitialSyncDone">Whether the start-up sync and first full pass have finished.</param>
/// <param name="PendingLocations">Locations not read yet.</param>
/// <param name="FailedLocations">Locations whose last read failed.</param>
/// <param name="LocationsWithWarnings">Locations where some entities failed.</param>
/// <param name="StitchBacklog">Entities waiting for their final form (capped at 10,000).</param>
/// <param name="Idle">True when the first pass is done and nothing is waiting.</param>
/// <param name="PassesCompleted">Location passes since start.</param>
/// <param name="EntitiesProcessed">Entity documents read since start.</param>
/// <param name="EntitiesStitched">Final entities written since start.</param>
/// <param name="LastPassAt">When the last location pass finished.</param>
public sealed record IngestionProgress(
    bool InitialSyncDone,
    int PendingLocations,
    int FailedLocations,
    int LocationsWithWarnings,
    int StitchBacklog,
    bool Idle,
    long PassesCompleted,
    long EntitiesProcessed,
    long EntitiesStitched,
    DateTimeOffset? LastPassAt);
