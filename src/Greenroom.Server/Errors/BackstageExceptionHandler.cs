using Greenroom.Catalog;
using Greenroom.Catalog.Locations;
using Greenroom.Search.Engine;
using Microsoft.AspNetCore.Diagnostics;

namespace Greenroom.Server.Errors;

/// <summary>
/// Turns exceptions into Backstage error responses: bad input (unparseable body, malformed filter or cursor) is a
/// 400 InputError, a host not allowed a 403 NotAllowedError, a duplicate location a 409 ConflictError, anything
/// else a logged 500.
/// </summary>
internal sealed class BackstageExceptionHandler(ILogger<BackstageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            CatalogInputException { Name: "NotAllowedError" } e => new BackstageError(StatusCodes.Status403Forbidden, e.Name, e.Message),
            CatalogInputException e => new BackstageError(StatusCodes.Status400BadRequest, e.Name, e.Message),
            LocationConflictException e => BackstageError.Conflict(e.Message),
            SearchQueryException e => BackstageError.Input(e.Message),
            BadHttpRequestException e => new BackstageError(e.StatusCode, "InputError", $"Malformed request: {e.Message}"),
            _ => null,
        };
        if (error is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                // The caller went away; there is nobody to answer.
                return true;
            }

            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
            error = new BackstageError(StatusCodes.Status500InternalServerError, "Error", "An internal error occurred");
        }

        await error.ExecuteAsync(httpContext);
        return true;
    }
}
