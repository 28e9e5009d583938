using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Greenroom.Server.Catalog;

/// <summary>Backstage's catalog actions: analyze a location, validate an entity, refresh an entity.</summary>
public static class CatalogActionEndpoints
{
    /// <summary>Maps the action endpoints onto the catalog group.</summary>
    public static RouteGroupBuilder MapCatalogActionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/analyze-location", AnalyzeLocation).WithName("AnalyzeLocation");
        api.MapPost("/validate-entity", ValidateEntity).WithName("ValidateEntity");
        api.MapPost("/refresh", RefreshEntity).WithName("RefreshEntity");
        return api;
    }

    /// <summary>
    /// <c>POST /analyze-location</c>: the descriptor files found at the location, one entry per entity, and whether each
    /// is registered. Greenroom does not invent descriptors, so <c>generateEntities</c> is always empty.
    /// </summary>
    public static async Task<Ok<AnalyzeLocationResponse>> AnalyzeLocation(
        AnalyzeLocationRequest? request, ICatalogOperations operations, CancellationToken cancellationToken)
    {
        var (type, target) = LocationEndpoints.Require(request?.Location);
        var analysis = await operations.AnalyzeLocationAsync(type, target, cancellationToken);
        var existing = analysis.ExistingEntityFiles
            .SelectMany(f => f.Entities.Select(e => new AnalyzeLocationExistingEntity(
                new LocationInput(f.Type, f.Target), f.IsRegistered, JsonSerializer.SerializeToElement(e))))
            .ToList();
        var errors = analysis.Problems.Count == 0 ? null : analysis.Problems.Select(ProblemJson.From).ToList();
        return TypedResults.Ok(new AnalyzeLocationResponse(existing, [], errors));
    }

    /// <summary><c>POST /validate-entity</c>: 200 when the entity would be accepted, 400 with <c>{errors}</c> when not.</summary>
    public static Results<Ok, BadRequest<ValidateEntityErrors>> ValidateEntity(JsonObject? body, ICatalogOperations operations)
    {
        var location = body?["location"] is JsonValue l && l.TryGetValue<string>(out var text) ? text : null;
        if (body is null || string.IsNullOrWhiteSpace(location))
        {
            throw new CatalogInputException("Malformed request: location must be a string");
        }

        if (body["entity"] is not JsonObject entity)
        {
            return TypedResults.BadRequest(new ValidateEntityErrors([new ProblemJson("InputError", "entity must be an object", null, null, null, null)]));
        }

        var problems = operations.ValidateEntity((JsonObject)entity.DeepClone(), location);
        return problems.Count == 0
            ? TypedResults.Ok()
            : TypedResults.BadRequest(new ValidateEntityErrors(problems.Select(ProblemJson.From).ToList()));
    }

    /// <summary><c>POST /refresh</c> with <c>{entityRef}</c>: re-reads the entity's location now; 404 when there is no such entity.</summary>
    public static async Task<Results<Ok, BackstageError>> RefreshEntity(RefreshRequest? request, ICatalogOperations operations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.EntityRef))
        {
            throw new CatalogInputException("Malformed request: entityRef must be an entity ref");
        }

        if (!EntityRef.TryParse(request.EntityRef, out var entityRef, out var error))
        {
            throw new CatalogInputException($"Malformed request: {error}");
        }

        return await operations.RefreshEntityAsync(entityRef.ToKey(), cancellationToken)
            ? TypedResults.Ok()
            : BackstageError.NotFound($"No entity with ref {entityRef.ToKey()}");
    }
}

/// <summary>Body of <c>POST /analyze-location</c>.</summary>
public sealed record AnalyzeLocationRequest(LocationInput? Location, string? CatalogFileName);

/// <summary>Response of <c>POST /analyze-location</c>; <c>errors</c> (a Greenroom addition) lists what could not be read.</summary>
public sealed record AnalyzeLocationResponse(
    IReadOnlyList<AnalyzeLocationExistingEntity> ExistingEntityFiles,
    IReadOnlyList<JsonElement> GenerateEntities,
    
    IReadOnlyList<ProblemJson>? Errors);

/// <summary>One entity found by analysis.</summary>
public sealed record AnalyzeLocationExistingEntity(LocationInput Location, bool IsRegistered, JsonElement Entity);

/// <summary>Body of <c>POST /refresh</c>.</summary>
public sealed record RefreshRequest(string? EntityRef, string? AuthorizationToken);

/// <summary>The 400 body of <c>POST /validate-entity</c>.</summary>
public sealed record ValidateEntityErrors(IReadOnlyList<ProblemJson> Errors);

/// <summary>A problem as JSON: Backstage's <c>{name, message}</c> plus where it is.</summary>
public sealed record ProblemJson(
    string Name,
    string Message,
    string? Field,
    string? File,
    int? Line,
    int? Column)
{
    /// <summary>The JSON form of a catalog problem.</summary>
    public static ProblemJson From(Greenroom.Catalog.Model.Problems.CatalogProblem p) => new(p.Name, p.Message, p.Field, p.File, p.Line, p.Column);
}
