using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Greenroom.Server.Catalog;

/// <summary>
/// Responses assembled from entity JSON exactly as the store holds it: entities are copied into the response
/// without being parsed and serialized again, which is what keeps listing 100k entities cheap.
/// </summary>
internal static class RawJson
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Writes stored JSON text as a value; null writes JSON null.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, string? json)
    {
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            // Stored entities were produced by our own serializer, so validating them again would only cost time.
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    /// <summary>Writes an array of stored JSON values, flushing as it goes so large responses stream.</summary>
    public static async Task WriteArrayAsync(Utf8JsonWriter writer, IEnumerable<string?> items, CancellationToken cancellationToken)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteRaw(writer, item);
            if (writer.BytesPending > 32 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
    }

    public static Utf8JsonWriter Begin(HttpContext context, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        return new Utf8JsonWriter(context.Response.Body);
    }
}

/// <summary>One entity (or any JSON object) from its stored text.</summary>
public sealed class RawJsonResult(string json) : IResult, IEndpointMetadataProvider
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var writer = RawJson.Begin(httpContext);
        RawJson.WriteRaw(writer, json);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
}

/// <summary>A bare JSON array of entities (Backstage's <c>GET /entities</c>); null items are written as null.</summary>
public sealed class RawJsonArrayResult(IEnumerable<string?> items) : IResult, IEndpointMetadataProvider
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var writer = RawJson.Begin(httpContext);
        await RawJson.WriteArrayAsync(writer, items, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement[]), ["application/json"]));
}

/// <summary>An object whose properties are arrays of stored JSON: <c>{"items": [...]}</c> plus extra scalar fields.</summary>
public sealed class RawJsonItemsResult(IEnumerable<string?> items, Action<Utf8JsonWriter>? writeExtra = null, int statusCode = StatusCodes.Status200OK)
    : IResult, IEndpointMetadataProvider
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var writer = RawJson.Begin(httpContext, statusCode);
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        await RawJson.WriteArrayAsync(writer, items, httpContext.RequestAborted);
        writeExtra?.Invoke(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
}
