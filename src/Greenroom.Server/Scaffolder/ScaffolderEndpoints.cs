using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Scaffolder.DryRun;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Parameters;
using Greenroom.Scaffolder.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Greenroom.Server.Scaffolder;

/// <summary>The Backstage-compatible scaffolder API under <c>/api/scaffolder/v2</c>; the work is in Greenroom.Scaffolder.</summary>
public static class ScaffolderEndpoints
{
    /// <summary>Maps every scaffolder endpoint.</summary>
    public static IEndpointRouteBuilder MapScaffolderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scaffolder/v2").WithTags("Scaffolder");
        api.MapPost("/tasks", CreateTask).WithName("CreateScaffolderTask");
        api.MapGet("/tasks", ListTasks).WithName("ListScaffolderTasks");
        api.MapGet("/tasks/{id}", GetTask).WithName("GetScaffolderTask");
        api.MapGet("/tasks/{id}/events", GetEvents).WithName("GetScaffolderTaskEvents");
        api.MapGet("/tasks/{id}/eventstream", StreamEvents).WithName("StreamScaffolderTaskEvents");
        api.MapGet("/templates/{namespace}/{kind}/{name}/parameter-schema", GetParameterSchema).WithName("GetTemplateParameterSchema");
        api.MapGet("/actions", ListActions).WithName("ListScaffolderActions");
        api.MapPost("/dry-run", DryRun).WithName("ScaffolderDryRun");
        return app;
    }

    /// <summary><c>POST /tasks</c> with <c>{templateRef, values, secrets?}</c>: 201 <c>{id}</c>, or 400 with the field errors.</summary>
    public static async Task<IResult> CreateTask(JsonObject? body, TaskService tasks, CancellationToken cancellationToken)
    {
        if (body?["templateRef"] is not JsonValue templateRef || templateRef.GetValueKind() != JsonValueKind.String)
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", "templateRef is required (template:namespace/name)");
        }

        if (body["values"] is not null and not JsonObject)
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", "values must be an object");
        }

        if (!TryReadSecrets(body["secrets"], out var secrets))
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", "secrets must be an object of strings");
        }

        try
        {
            var id = await tasks.CreateAsync(templateRef.GetValue<string>(), body["values"] as JsonObject ?? [], secrets, TaskService.GuestUser, cancellationToken);
            return TypedResults.Created($"/api/scaffolder/v2/tasks/{id}", new JsonObject { ["id"] = id });
        }
        catch (ScaffolderRequestException e)
        {
            return ScaffolderJson.From(e);
        }
    }

    /// <summary><c>GET /tasks[?createdBy=&amp;status=&amp;limit=&amp;offset=]</c>: <c>{tasks, totalTasks}</c>, newest first.</summary>
    public static async Task<IResult> ListTasks(
        TaskService tasks, [FromQuery] string? createdBy, [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken)
    {
        var (page, total) = await tasks.ListAsync(new TaskQuery(createdBy, status, Math.Clamp(limit ?? 100, 1, 1000), Math.Max(0, offset ?? 0)), cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["tasks"] = new JsonArray([.. page.Select(t => (JsonNode)ScaffolderJson.Task(t))]),
            ["totalTasks"] = total,
        });
    }

    /// <summary><c>GET /tasks/{id}</c>: the task (spec with masked parameters, status, times); never its secrets.</summary>
    public static async Task<IResult> GetTask(string id, TaskService tasks, CancellationToken cancellationToken) =>
        await tasks.GetAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(ScaffolderJson.Task(task))
            : ScaffolderJson.Error(StatusCodes.Status404NotFound, "NotFoundError", $"No task with id {id}");

    /// <summary><c>GET /tasks/{id}/events[?after=]</c>: the events so far, as a JSON array.</summary>
    public static async Task<IResult> GetEvents(string id, TaskService tasks, [FromQuery] long? after, CancellationToken cancellationToken)
    {
        if (await tasks.GetAsync(id, cancellationToken) is null)
        {
            return ScaffolderJson.Error(StatusCodes.Status404NotFound, "NotFoundError", $"No task with id {id}");
        }

        var events = await tasks.EventsAsync(id, after ?? 0, cancellationToken);
        return TypedResults.Ok(new JsonArray([.. events.Select(e => (JsonNode)ScaffolderJson.Event(e))]));
    }

    /// <summary><c>GET /tasks/{id}/eventstream[?after=]</c>: server-sent events until the task completes.</summary>
    public static async Task<IResult> StreamEvents(string id, HttpContext context, TaskService tasks, [FromQuery] long? after, CancellationToken cancellationToken)
    {
        if (await tasks.GetAsync(id, cancellationToken) is null)
        {
            return ScaffolderJson.Error(StatusCodes.Status404NotFound, "NotFoundError", $"No task with id {id}");
        }

        try
        {
            await TaskEventStream.WriteAsync(context, tasks, id, after ?? 0, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }

        return TypedResults.Empty;
    }

    /// <summary><c>GET /templates/{namespace}/{kind}/{name}/parameter-schema</c>: <c>{title, description, steps}</c>.</summary>
    public static async Task<IResult> GetParameterSchema(string @namespace, string kind, string name, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        if (!string.Equals(kind, "template", StringComparison.OrdinalIgnoreCase))
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", $"Only kind Template has a parameter schema, not {kind}");
        }

        try
        {
            var template = await templates.GetAsync($"template:{@namespace}/{name}", cancellationToken);
            return TypedResults.Ok(ParameterSchema.Describe(template));
        }
        catch (ScaffolderRequestException e)
        {
            return ScaffolderJson.From(e);
        }
    }

    /// <summary><c>GET /actions</c>: <c>[{id, description, schema: {input, output}}]</c>.</summary>
    public static IResult ListActions(ActionRegistry actions) =>
        TypedResults.Ok(new JsonArray([.. actions.All.Select(a => (JsonNode)ScaffolderJson.Action(a))]));

    /// <summary>
    /// <c>POST /dry-run</c> with <c>{template, values, secrets, directoryContents}</c>: 200 <c>{log, directoryContents,
    /// output, steps}</c>. A run that fails answers 400 with the error (file, line and column for a syntax error)
    /// and the log so far, where Backstage answers 500 and drops both.
    /// </summary>
    public static async Task<IResult> DryRun(JsonObject? body, DryRunner runner, CancellationToken cancellationToken)
    {
        if (body?["template"] is not JsonObject template)
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", "template is required (the Template entity)");
        }

        if (!TryReadSecrets(body["secrets"], out var secrets))
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", "secrets must be an object of strings");
        }

        if (!TryReadFiles(body["directoryContents"], out var files, out var problem))
        {
            return ScaffolderJson.Error(StatusCodes.Status400BadRequest, "InputError", problem!);
        }

        try
        {
            var result = await runner.RunAsync(new DryRunRequest(template, body["values"] as JsonObject ?? [], secrets, files), TaskService.GuestUser, cancellationToken);
            var answer = new JsonObject
            {
                ["log"] = result.Log.DeepClone(),
                ["directoryContents"] = new JsonArray([.. result.DirectoryContents.Select(f => (JsonNode)new JsonObject
                {
                    ["path"] = f.Path, ["executable"] = f.Executable, ["base64Content"] = f.Base64Content,
                })]),
                ["output"] = result.Output.DeepClone(),
                ["steps"] = result.Steps.DeepClone(),
            };
            return result.Error is null
                ? TypedResults.Ok(answer)
                : ScaffolderJson.Error(StatusCodes.Status400BadRequest, result.Error["name"]!.ToString(), result.Error["message"]!.ToString(), null,
                    new JsonObject { ["details"] = result.Error.DeepClone(), ["log"] = answer["log"]!.DeepClone(), ["steps"] = answer["steps"]!.DeepClone() });
        }
        catch (ScaffolderRequestException e)
        {
            return ScaffolderJson.From(e);
        }
    }

    private static bool TryReadSecrets(JsonNode? node, out Dictionary<string, string> secrets)
    {
        secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return true;
        }

        if (node is not JsonObject map)
        {
            return false;
        }

        foreach (var (key, value) in map)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }

            secrets[key] = v.GetValue<string>();
        }

        return true;
    }

    private static bool TryReadFiles(JsonNode? node, out List<DryRunFile> files, out string? problem)
    {
        files = [];
        problem = null;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonArray list)
        {
            problem = "directoryContents must be a list of {path, base64Content}";
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i]?["path"] is not JsonValue path || list[i]?["base64Content"] is not JsonValue content)
            {
                problem = $"directoryContents[{i}] needs path and base64Content";
                return false;
            }

            files.Add(new DryRunFile(path.ToString(), content.ToString()));
        }

        return true;
    }
}
