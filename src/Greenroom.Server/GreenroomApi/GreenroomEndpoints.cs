using System.Text.Json;
using Greenroom.Catalog.Store;
using Greenroom.Server.Catalog;
using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.GreenroomApi;

/// <summary>Greenroom's own additions under <c>/api/greenroom</c>: entity history and location health.</summary>
public static class GreenroomEndpoints
{
    /// <summary>Maps the Greenroom endpoints.</summary>
    public static IEndpointRouteBuilder MapGreenroomApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/greenroom").WithTags("Greenroom");
        api.MapGet("/entities/by-uid/{uid}/history", GetEntityHistory).WithName("GetEntityHistory");
        api.MapGet("/locations", GetLocationStatuses).WithName("GetLocationStatuses");
        return app;
    }

    /// <summary>
    /// <c>GET /api/greenroom/entities/by-uid/{uid}/history</c>: every recorded change of the entity, newest first,
    /// including after it was deleted; 404 when the uid was never seen.
    /// </summary>
    public static async Task<Results<Ok<EntityHistoryResponse>, BackstageError>> GetEntityHistory(
        string uid, ICatalogStore store, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(uid, cancellationToken);
        if (history.Count == 0)
        {
            return BackstageError.NotFound($"No history for an entity with uid {uid}");
        }

        var locations = (await store.ListLocationsAsync(cancellationToken)).ToDictionary(l => l.Id);
        var items = history
            .OrderByDescending(h => h.Sequence)
            .Select(h => new EntityHistoryItem(
                h.At,
                h.EntityRef,
                h.Change,
                h.LocationId is { } id && locations.TryGetValue(id, out var l) ? LocationJson.From(l) : null,
                h.LocationId?.ToString(),
                ParseArray(h.DiffJson)))
            .ToList();
        return TypedResults.Ok(new EntityHistoryResponse(uid, items));
    }

    /// <summary><c>GET /api/greenroom/locations</c>: each location with its refresh state, entity count and errors (conflicts included).</summary>
    public static async Task<Ok<LocationStatusesResponse>> GetLocationStatuses(ICatalogStore store, CancellationToken cancellationToken)
    {
        var locations = await store.ListLocationsAsync(cancellationToken);
        return TypedResults.Ok(new LocationStatusesResponse(locations
            .Select(l => new LocationStatusItem(
                l.Id.ToString(),
                l.Type,
                l.Target,
                l.Origin.ToString().ToLowerInvariant(),
                l.CreatedAt,
                l.Status.State,
                l.Status.LastRefreshAt,
                l.Status.EntityCount,
                ParseArray(l.Status.ErrorsJson)))
            .ToList()));
    }

    private static JsonElement ParseArray(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        return document.RootElement.Clone();
    }
}

/// <summary>Response of the history endpoint.</summary>
public sealed record EntityHistoryResponse(string Uid, IReadOnlyList<EntityHistoryItem> Items);

/// <summary>One change: when, to which ref, what kind of change, from which location, and the diff (<c>[{op, path, old, new}]</c>).</summary>
public sealed record EntityHistoryItem(DateTimeOffset At, string EntityRef, string Change, LocationJson? Location, string? LocationId, JsonElement Diff);

/// <summary>Response of <c>GET /api/greenroom/locations</c>.</summary>
public sealed record LocationStatusesResponse(IReadOnlyList<LocationStatusItem> Items);

/// <summary>A location and the outcome of its latest refresh.</summary>
public sealed record LocationStatusItem(
    string Id,
    string Type,
    string Target,
    string Origin,
    DateTimeOffset CreatedAt,
    string Status,
    DateTimeOffset? LastRefreshAt,
    int EntityCount,
    JsonElement Errors);
