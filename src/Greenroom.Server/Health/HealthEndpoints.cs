using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Store;
using Greenroom.Search.Indexing;
using Greenroom.TechDocs.Building;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.Health;

/// <summary>
/// <c>/healthz</c>: 200 with catalog counts and ingestion progress when the catalog store answers, 503 when it does not.
/// Features that work in the background (search indexing, docs builds) start after the catalog's first sync; their
/// state is listed under <c>components</c> and does not decide the status.
/// </summary>
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
        ICatalogStore store, CatalogProgress progress, IEnumerable<ISearchStatus> search, IEnumerable<ITechDocsWorkerStatus> techDocs,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in search.Take(1))
        {
            components["search"] = status.State;
        }

        foreach (var status in techDocs.Take(1))
        {
            components["techdocs"] = status.State;
        }

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
            return TypedResults.Ok(new HealthReport("ok", counts, ingestion, components, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning(e, "Health check failed: the catalog store is unreachable");
            return TypedResults.Json(new HealthReport("unavailable", null, null, components, e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    // Counting the whole queue is not needed to say "busy"; the number is capped to keep /healthz cheap.
    private const int StitchBacklogCap = 10_000;
}

/// <summary>The <c>/healthz</c> body.</summary>
/// <param name="Status"><c>ok</c> when the catalog store answers, else <c>unavailable</c>.</param>
/// <param name="Catalog">Entity, relation and location counts.</param>
/// <param name="Ingestion">How far ingestion has come.</param>
/// <param name="Components">Background features and their state (<c>search</c>, <c>techdocs</c>: <c>waiting-for-catalog</c> until the first sync is done, then building, updating or idle).</param>
/// <param name="Error">Why the store did not answer.</param>
public sealed record HealthReport(
    string Status, CatalogCounts? Catalog, IngestionProgress? Ingestion, IReadOnlyDictionary<string, string> Components, string? Error);

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
