using System.Net;
using System.Text.Json.Nodes;

namespace Greenroom.Bench.Measures;

/// <summary>The parts of <c>/healthz</c> the bench reads; any of them may be missing on an older server.</summary>
internal sealed record HealthSnapshot(bool Healthy, int? Entities, int? Relations, bool? InitialSyncDone, bool? Idle, long? PassesCompleted, long? EntitiesStitched)
{
    public static HealthSnapshot From((HttpStatusCode Status, JsonNode? Body)? health)
    {
        if (health is not { Status: HttpStatusCode.OK } answer)
        {
            return new HealthSnapshot(false, null, null, null, null, null, null);
        }

        var catalog = answer.Body?["catalog"];
        var ingestion = answer.Body?["ingestion"];
        return new HealthSnapshot(
            true,
            Read<int>(catalog?["entities"]),
            Read<int>(catalog?["relations"]),
            Read<bool>(ingestion?["initialSyncDone"]),
            Read<bool>(ingestion?["idle"]),
            Read<long>(ingestion?["passesCompleted"]),
            Read<long>(ingestion?["entitiesStitched"]));
    }

    public static async Task<HealthSnapshot> TakeAsync(CatalogClient client, CancellationToken cancellationToken) =>
        From(await client.HealthAsync(cancellationToken));

    private static T? Read<T>(JsonNode? node)
        where T : struct =>
        node is JsonValue value && value.TryGetValue<T>(out var result) ? result : null;
}
