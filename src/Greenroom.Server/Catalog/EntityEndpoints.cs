using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Greenroom.Server.Catalog;

/// <summary>Backstage's entity read endpoints: list, query with cursors, by uid, by name, by refs, facets, and delete.</summary>
public static class EntityEndpoints
{
    /// <summary>Backstage's page size for <c>by-query</c> when no limit is given.</summary>
    public const int DefaultQueryLimit = 20;

    /// <summary>Maps the entity endpoints onto the catalog group.</summary>
    public static RouteGroupBuilder MapEntityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/entities", GetEntities).WithName("GetEntities");
        api.MapGet("/entities/by-query", GetEntitiesByQuery).WithName("GetEntitiesByQuery");
        api.MapGet("/entities/by-uid/{uid}", GetEntityByUid).WithName("GetEntityByUid");
        api.MapDelete("/entities/by-uid/{uid}", DeleteEntityByUid).WithName("DeleteEntityByUid");
        api.MapGet("/entities/by-name/{kind}/{namespace}/{name}", GetEntityByName).WithName("GetEntityByName");
        api.MapGet("/entities/by-name/{kind}/{namespace}/{name}/ancestry", GetEntityAncestryByName).WithName("GetEntityAncestryByName");
        api.MapPost("/entities/by-refs", GetEntitiesByRefs).WithName("GetEntitiesByRefs");
        api.MapGet("/entity-facets", GetEntityFacets).WithName("GetEntityFacets");
        return api;
    }

    /// <summary>
    /// <c>GET /entities</c>: a bare array. With <c>limit</c>, a <c>Link: &lt;...&amp;after=...&gt;; rel="next"</c> header
    /// points at the next page, as in Backstage.
    /// </summary>
    public static async Task<RawJsonArrayResult> GetEntities(
        HttpContext context,
        ICatalogStore store,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? fields,
        [FromQuery] string[]? order,
        [FromQuery] string? offset,
        [FromQuery] string? limit,
        [FromQuery] string? after,
        CancellationToken cancellationToken)
    {
        var entityFilter = EntityFilterParser.Parse(filter ?? []);
        var projection = EntityFieldsProjection.Parse(fields ?? []);
        var orderBy = EntityOrderParser.ParseOrder(order ?? []);
        var pageLimit = IntegerParameter.Parse(limit, "limit");
        var pageOffset = IntegerParameter.Parse(offset, "offset");
        if (after is not null)
        {
            var (cursorLimit, cursorOffset) = OffsetCursor.Decode(after);
            pageLimit = cursorLimit ?? pageLimit;
            pageOffset = cursorOffset ?? pageOffset;
        }

        var result = await store.QueryEntitiesAsync(
            new EntityQuery(entityFilter, orderBy, null, pageLimit, pageOffset, null, IncludeTotal: false), cancellationToken);
        if (pageLimit is { } pageSize and > 0 && result.HasMore)
        {
            var next = QueryString.Create(context.Request.Query
                .Where(p => p.Key is not ("offset" or "after"))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("after", OffsetCursor.Encode(pageSize, (pageOffset ?? 0) + pageSize))));
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{next}>; rel=\"next\"";
        }

        return new RawJsonArrayResult(EntityProjection.Apply(result.Items, projection));
    }

    /// <summary><c>GET /entities/by-query</c>: <c>{items, totalItems, pageInfo: {nextCursor?, prevCursor?}}</c> with keyset cursors.</summary>
    public static async Task<RawJsonItemsResult> GetEntitiesByQuery(
        ICatalogStore store,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? fields,
        [FromQuery] string[]? orderField,
        [FromQuery] string? cursor,
        [FromQuery] string? limit,
        [FromQuery] string? fullTextFilterTerm,
        [FromQuery] string[]? fullTextFilterFields,
        CancellationToken cancellationToken)
    {
        var projection = EntityFieldsProjection.Parse(fields ?? []);
        var pageSize = IntegerParameter.Parse(limit, "limit") ?? DefaultQueryLimit;

        // A cursor carries the whole query, as in Backstage: filter, order and full text are taken from it.
        var continued = string.IsNullOrEmpty(cursor) ? null : QueryCursorCodec.Decode(cursor);
        var query = continued?.ToQuery(pageSize) ?? new EntityQuery(
            EntityFilterParser.Parse(filter ?? []),
            EntityOrderParser.ParseOrderFields(orderField ?? []),
            FullTextFilterParser.Parse(fullTextFilterTerm, fullTextFilterFields ?? []),
            pageSize,
            Offset: null,
            After: null,
            IncludeTotal: true);
        var result = await store.QueryEntitiesAsync(query, cancellationToken);
        var totalItems = continued?.TotalItems ?? result.TotalItems ?? result.Items.Count;

        var (nextCursor, prevCursor) = QueryPageCursors.For(query, result, continued, totalItems);

        return new RawJsonItemsResult(EntityProjection.Apply(result.Items, projection), writer =>
        {
            writer.WriteNumber("totalItems", totalItems);
            writer.WriteStartObject("pageInfo");
            if (nextCursor is not null)
            {
                writer.WriteString("nextCursor", nextCursor);
            }

            if (prevCursor is not null)
            {
                writer.WriteString("prevCursor", prevCursor);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET /entities/by-uid/{uid}</c>.</summary>
    public static async Task<Results<RawJsonResult, BackstageError>> GetEntityByUid(string uid, ICatalogStore store, CancellationToken cancellationToken)
    {
        var entity = await store.GetEntityByUidAsync(uid, cancellationToken);
        return entity is null ? BackstageError.NotFound($"No entity with uid {uid}") : new RawJsonResult(entity.Json);
    }

    /// <summary><c>DELETE /entities/by-uid/{uid}</c>: 204; the entity returns if its location still produces it.</summary>
    public static async Task<Results<NoContent, BackstageError>> DeleteEntityByUid(string uid, ICatalogOperations operations, CancellationToken cancellationToken) =>
        await operations.DeleteEntityAsync(uid, cancellationToken)
            ? TypedResults.NoContent()
            : BackstageError.NotFound($"No entity with uid {uid}");

    /// <summary><c>GET /entities/by-name/{kind}/{namespace}/{name}</c>.</summary>
    public static async Task<Results<RawJsonResult, BackstageError>> GetEntityByName(
        string kind, string @namespace, string name, ICatalogStore store, CancellationToken cancellationToken)
    {
        var entity = await store.GetEntityByRefAsync(new EntityRef(kind, @namespace, name).ToKey(), cancellationToken);
        return entity is null ? NoSuchName(kind, @namespace, name) : new RawJsonResult(entity.Json);
    }

    /// <summary><c>GET /entities/by-name/{kind}/{namespace}/{name}/ancestry</c>: the entity and the Location entities that led to it.</summary>
    public static async Task<Results<Ok<EntityAncestryResponse>, BackstageError>> GetEntityAncestryByName(
        string kind, string @namespace, string name, ICatalogStore store, CancellationToken cancellationToken)
    {
        var ancestry = await EntityAncestry.ComputeAsync(store, new EntityRef(kind, @namespace, name).ToKey(), cancellationToken);
        return ancestry is null ? NoSuchName(kind, @namespace, name) : TypedResults.Ok(ancestry);
    }

    /// <summary>
    /// <c>POST /entities/by-refs</c>: <c>{items}</c> in the order of <c>entityRefs</c>, null where no entity exists
    /// (or it does not match the <c>filter</c> query parameter).
    /// </summary>
    public static async Task<RawJsonItemsResult> GetEntitiesByRefs(
        EntitiesByRefsRequest? request,
        ICatalogStore store,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? fields,
        CancellationToken cancellationToken)
    {
        if (request?.EntityRefs is null)
        {
            throw new CatalogInputException("Malformed request: entityRefs must be an array of entity refs");
        }

        var entityFilter = EntityFilterParser.Parse(filter ?? []);
        var projection = EntityFieldsProjection.Parse((fields ?? []).Concat(request.Fields ?? []));

        // A malformed ref cannot name an entity; like a missing one, it yields null rather than failing the batch.
        var keys = request.EntityRefs
            .Select(r => EntityRef.TryParse(r, out var parsed, out _) ? parsed.ToKey() : "\0invalid")
            .ToList();
        var found = await store.GetEntitiesByRefsAsync(keys, cancellationToken);
        var matching = entityFilter is null
            ? found
            : found.Select(e => e is not null && JsonNode.Parse(e.Json) is JsonObject o && EntityFilterMatcher.Matches(entityFilter, o) ? e : null).ToList();
        return new RawJsonItemsResult(EntityProjection.Apply(matching, projection));
    }

    /// <summary><c>GET /entity-facets</c>: <c>{facets: {facet: [{value, count}]}}</c> among the entities matching <c>filter</c>.</summary>
    public static async Task<Ok<EntityFacetsResponse>> GetEntityFacets(
        ICatalogStore store,
        [FromQuery] string[]? facet,
        [FromQuery] string[]? filter,
        CancellationToken cancellationToken)
    {
        var facets = (facet ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (facets.Count == 0)
        {
            throw new CatalogInputException("Missing facet query parameter");
        }

        var entityFilter = EntityFilterParser.Parse(filter ?? []);
        var counts = await store.GetFacetsAsync(facets.Select(f => f.ToLowerInvariant()).Distinct().ToList(), entityFilter, cancellationToken);
        var response = facets.ToDictionary(
            f => f,
            f => counts.TryGetValue(f.ToLowerInvariant(), out var values) ? values : (IReadOnlyList<FacetCount>)[],
            StringComparer.Ordinal);
        return TypedResults.Ok(new EntityFacetsResponse(response));
    }

    private static BackstageError NoSuchName(string kind, string @namespace, string name) =>
        BackstageError.NotFound($"No entity named '{name}' found, with kind '{kind}' in namespace '{@namespace}'");
}

/// <summary>Body of <c>POST /entities/by-refs</c>.</summary>
public sealed record EntitiesByRefsRequest(IReadOnlyList<string>? EntityRefs, IReadOnlyList<string>? Fields);

/// <summary>Response of <c>GET /entity-facets</c>.</summary>
public sealed record EntityFacetsResponse(IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>Response of the ancestry endpoint, Backstage's shape.</summary>
public sealed record EntityAncestryResponse(string RootEntityRef, IReadOnlyList<EntityAncestryItem> Items);

/// <summary>One entity of an ancestry and the refs of the entities that produced it.</summary>
public sealed record EntityAncestryItem(JsonElement Entity, IReadOnlyList<string> ParentEntityRefs);
