using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Store;
using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Greenroom.Server.Catalog;

/// <summary>Backstage's location endpoints: register (with dry run), list, get, delete, and find by entity.</summary>
public static class LocationEndpoints
{
    private const string OriginLocation = "backstage.io/managed-by-origin-location";

    /// <summary>Maps the location endpoints onto the catalog group.</summary>
    public static RouteGroupBuilder MapLocationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/locations", CreateLocation).WithName("CreateLocation")
            .Produces<BackstageErrorBody>(StatusCodes.Status403Forbidden)
            .Produces<BackstageErrorBody>(StatusCodes.Status409Conflict);
        api.MapGet("/locations", GetLocations).WithName("GetLocations");
        api.MapGet("/locations/{id}", GetLocation).WithName("GetLocation");
        api.MapDelete("/locations/{id}", DeleteLocation).WithName("DeleteLocation");
        api.MapGet("/locations/by-entity/{kind}/{namespace}/{name}", GetLocationByEntity).WithName("GetLocationByEntity");
        return api;
    }

    /// <summary>
    /// <c>POST /locations[?dryRun=true]</c>: 201 with <c>{location, entities, exists?}</c>. A location that already
    /// exists is a 409, or with a dry run <c>exists: true</c>.
    /// </summary>
    public static async Task<Created<CreateLocationResponse>> CreateLocation(
        LocationInput? input,
        ICatalogOperations operations,
        [FromQuery] string? dryRun,
        CancellationToken cancellationToken)
    {
        var (type, target) = Require(input);
        var registration = await operations.RegisterLocationAsync(type, target, IsTrue(dryRun), cancellationToken);
        var location = LocationJson.From(registration.Location);
        var entities = registration.Entities.Select(e => JsonSerializer.SerializeToElement(e)).ToList();
        return TypedResults.Created(
            $"/api/catalog/locations/{location.Id}",
            new CreateLocationResponse(location, entities, IsTrue(dryRun) ? registration.Exists : null));
    }

    /// <summary><c>GET /locations</c>: <c>[{data: {id, type, target}}]</c>.</summary>
    public static async Task<Ok<IReadOnlyList<LocationItem>>> GetLocations(ICatalogStore store, CancellationToken cancellationToken)
    {
        var locations = await store.ListLocationsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LocationItem>>(locations.Select(l => new LocationItem(LocationJson.From(l))).ToList());
    }

    /// <summary><c>GET /locations/{id}</c>.</summary>
    public static async Task<Results<Ok<LocationJson>, BackstageError>> GetLocation(string id, ICatalogStore store, CancellationToken cancellationToken)
    {
        var location = Guid.TryParse(id, out var guid) ? await store.GetLocationAsync(guid, cancellationToken) : null;
        return location is null ? NoSuchLocation(id) : TypedResults.Ok(LocationJson.From(location));
    }

    /// <summary><c>DELETE /locations/{id}</c>: 204; its entities go with it.</summary>
    public static async Task<Results<NoContent, BackstageError>> DeleteLocation(string id, ICatalogOperations operations, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid) && await operations.UnregisterLocationAsync(guid, cancellationToken)
            ? TypedResults.NoContent()
            : NoSuchLocation(id);

    /// <summary><c>GET /locations/by-entity/{kind}/{namespace}/{name}</c>: the registered location the entity came from.</summary>
    public static async Task<Results<Ok<LocationJson>, BackstageError>> GetLocationByEntity(
        string kind, string @namespace, string name, ICatalogStore store, CancellationToken cancellationToken)
    {
        var entityRef = new EntityRef(kind, @namespace, name);
        var entity = await store.GetEntityByRefAsync(entityRef.ToKey(), cancellationToken);
        if (entity is null)
        {
            return BackstageError.NotFound($"found no entity for ref {entityRef.ToKey()}");
        }

        // The origin annotation names the registered location (type:target) that ultimately produced the entity.
        var origin = JsonNode.Parse(entity.Json)?["metadata"]?["annotations"]?[OriginLocation] is JsonValue value
            && value.TryGetValue<string>(out var text) ? text : null;
        var colon = origin?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var location = colon < 0 ? null : await store.FindLocationAsync(origin![..colon], origin[(colon + 1)..], cancellationToken);
        return location is null
            ? BackstageError.NotFound($"found no location for ref {entityRef.ToKey()}")
            : TypedResults.Ok(LocationJson.From(location));
    }

    internal static (string Type, string Target) Require(LocationInput? input)
    {
        if (string.IsNullOrWhiteSpace(input?.Type) || string.IsNullOrWhiteSpace(input.Target))
        {
            throw new CatalogInputException("Malformed request: a location needs a type and a target");
        }

        return (input.Type.Trim(), input.Target.Trim());
    }

    private static bool IsTrue(string? flag) => string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    private static BackstageError NoSuchLocation(string id) => BackstageError.NotFound($"Found no location with ID {id}");
}

/// <summary>A location as Backstage serializes it.</summary>
public sealed record LocationJson(string Id, string Type, string Target)
{
    /// <summary>The API form of a stored location.</summary>
    public static LocationJson From(LocationRecord record) => new(record.Id.ToString(), record.Type, record.Target);
}

/// <summary>One element of <c>GET /locations</c>.</summary>
public sealed record LocationItem(LocationJson Data);

/// <summary>A location to register or analyze: <c>{type, target}</c>.</summary>
public sealed record LocationInput(string? Type, string? Target);

/// <summary>Response of <c>POST /locations</c>.</summary>
public sealed record CreateLocationResponse(
    LocationJson Location,
    IReadOnlyList<JsonElement> Entities,
    
    bool? Exists);
