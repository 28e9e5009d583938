using System.Globalization;
using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Tasks;

namespace Greenroom.Server.Scaffolder;

/// <summary>Backstage's JSON shapes for tasks, events, actions and scaffolder errors.</summary>
internal static class ScaffolderJson
{
    public static JsonObject Task(ScaffolderTask task) => new()
    {
        ["id"] = task.Id,
        ["spec"] = task.Spec.DeepClone(),
        ["status"] = task.Status,
        ["createdAt"] = Time(task.CreatedAt),
        ["lastHeartbeatAt"] = task.LastHeartbeatAt is { } beat ? Time(beat) : null,
        ["createdBy"] = task.CreatedBy,
    };

    public static JsonObject Event(StoredTaskEvent e) => new()
    {
        ["id"] = e.Id,
        ["taskId"] = e.TaskId,
        ["body"] = e.Body.DeepClone(),
        ["type"] = e.Type,
        ["createdAt"] = Time(e.CreatedAt),
    };

    public static JsonObject Action(IScaffolderAction action) => new()
    {
        ["id"] = action.Id,
        ["description"] = action.Description,
        ["schema"] = new JsonObject { ["input"] = action.InputSchema.DeepClone(), ["output"] = action.OutputSchema.DeepClone() },
    };

    /// <summary>Backstage's error body, with the field-level problems alongside (<c>errors</c>), as its validation answers.</summary>
    public static IResult Error(int status, string name, string message, IReadOnlyList<string>? problems = null, JsonObject? extra = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["name"] = name, ["message"] = message },
            ["response"] = new JsonObject { ["statusCode"] = status },
        };
        if (problems is { Count: > 0 })
        {
            body["errors"] = new JsonArray([.. problems.Select(p => (JsonNode)JsonValue.Create(p))]);
        }

        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return TypedResults.Json(body, statusCode: status);
    }

    public static IResult From(ScaffolderRequestException e) => e.NotFound
        ? Error(StatusCodes.Status404NotFound, "NotFoundError", e.Message, e.Problems)
        : Error(StatusCodes.Status400BadRequest, "InputError", e.Message, e.Problems);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
