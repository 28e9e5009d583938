using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Greenroom.Server.Errors;

/// <summary>
/// An error response in Backstage's shape
/// (<c>{error: {name, message}, request: {method, url}, response: {statusCode}}</c>), so clients written for
/// Backstage read Greenroom's errors unchanged.
/// </summary>
public sealed class BackstageError(int statusCode, string name, string message) : IResult, IEndpointMetadataProvider
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Backstage error name: InputError, NotFoundError, ConflictError, NotAllowedError, Error.</summary>
    public string Name { get; } = name;

    /// <summary>What went wrong, for a person.</summary>
    public string Message { get; } = message;

    /// <summary>400 InputError.</summary>
    public static BackstageError Input(string message) => new(StatusCodes.Status400BadRequest, "InputError", message);

    /// <summary>404 NotFoundError.</summary>
    public static BackstageError NotFound(string message) => new(StatusCodes.Status404NotFound, "NotFoundError", message);

    /// <summary>409 ConflictError.</summary>
    public static BackstageError Conflict(string message) => new(StatusCodes.Status409Conflict, "ConflictError", message);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        var request = httpContext.Request;
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("name", Name);
        writer.WriteString("message", Message);
        writer.WriteEndObject();
        writer.WriteStartObject("request");
        writer.WriteString("method", request.Method);
        writer.WriteString("url", $"{request.PathBase}{request.Path}{request.QueryString}");
        writer.WriteEndObject();
        writer.WriteStartObject("response");
        writer.WriteNumber("statusCode", StatusCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        // Documents the error shape once; the status codes each endpoint can return are listed on the endpoint.
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(BackstageErrorBody), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(BackstageErrorBody), ["application/json"]));
    }
}

/// <summary>The body of a <see cref="BackstageError"/>, for the OpenAPI document.</summary>
public sealed record BackstageErrorBody(BackstageErrorDetail Error, BackstageErrorRequest Request, BackstageErrorResponse Response);

/// <summary>The <c>error</c> part of a Backstage error.</summary>
public sealed record BackstageErrorDetail(string Name, string Message);

/// <summary>The <c>request</c> part of a Backstage error.</summary>
public sealed record BackstageErrorRequest(string Method, string Url);

/// <summary>The <c>response</c> part of a Backstage error.</summary>
public sealed record BackstageErrorResponse(int StatusCode);
