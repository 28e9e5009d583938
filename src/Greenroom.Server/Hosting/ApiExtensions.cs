using System.Text.Json.Serialization;
using Greenroom.Server.Errors;
using Scalar.AspNetCore;

namespace Greenroom.Server.Hosting;

/// <summary>HTTP API plumbing: JSON settings, Backstage-shaped errors, the OpenAPI document and its browsable reference.</summary>
public static class ApiExtensions
{
    /// <summary>Registers JSON options, the error handler and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddGreenroomApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Backstage omits absent optional fields (exists, nextCursor) rather than writing null.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        // Body binding failures throw so that they reach the handler and get Backstage's error shape.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BackstageExceptionHandler>();
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Greenroom API";
            document.Info.Description = "The Backstage-compatible catalog API and Greenroom's additions.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Serves <c>/openapi/v1.json</c> and the browsable reference at <c>/api-reference</c>.</summary>
    public static WebApplication MapGreenroomApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Greenroom API"));
        return app;
    }
}
