using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>
/// Where tasks and their events are kept. Secrets are never handed to it: the spec holds masked parameters and the
/// events are already free of secrets when they arrive.
/// </summary>
public interface IScaffolderTaskStore
{
    /// <summary>Stores a new task.</summary>
    Task CreateTaskAsync(ScaffolderTask task, CancellationToken cancellationToken);

    /// <summary>The task, or null.</summary>
    Task<ScaffolderTask?> GetTaskAsync(string id, CancellationToken cancellationToken);

    /// <summary>A page of tasks, newest first, and how many match in all.</summary>
    Task<(IReadOnlyList<ScaffolderTask> Tasks, int Total)> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken);

    /// <summary>Sets a task's status (and heartbeat time).</summary>
    Task SetStatusAsync(string id, string status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Appends an event and returns its id (increasing per store).</summary>
    Task<long> AppendEventAsync(string taskId, TaskLogEvent logEvent, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A task's events with an id above <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredTaskEvent>> ListEventsAsync(string taskId, long after, CancellationToken cancellationToken);

    /// <summary>Ids of tasks still <c>open</c> or <c>processing</c>.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedTaskIdsAsync(CancellationToken cancellationToken);
}

/// <summary>A stored task, shaped as Backstage's task (spec, status, times, creator).</summary>
/// <param name="Id">The task id.</param>
/// <param name="Spec">The task spec: steps, output, masked parameters, user, templateInfo.</param>
/// <param name="Status"><c>open</c>, <c>processing</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="CreatedBy">The creating user's ref.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastHeartbeatAt">When its status last changed.</param>
public sealed record ScaffolderTask(string Id, JsonObject Spec, string Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? LastHeartbeatAt);

/// <summary>A stored task event.</summary>
/// <param name="Id">Its id, increasing.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Type"><c>log</c> or <c>completion</c>.</param>
/// <param name="Body">The body: message, stepId, status, output, error.</param>
/// <param name="CreatedAt">When it happened.</param>
public sealed record StoredTaskEvent(long Id, string TaskId, string Type, JsonObject Body, DateTimeOffset CreatedAt);

/// <summary>Filters for listing tasks.</summary>
/// <param name="CreatedBy">Only this creator's tasks.</param>
/// <param name="Status">Only tasks with this status.</param>
/// <param name="Limit">Page size.</param>
/// <param name="Offset">How many to skip.</param>
public sealed record TaskQuery(string? CreatedBy = null, string? Status = null, int Limit = 100, int Offset = 0);

/// <summary>Task status names as Backstage spells them.</summary>
public static class ScaffolderTaskStatus
{
    /// <summary>Created, waiting for a worker.</summary>
    public const string Open = "open";

    /// <summary>Running.</summary>
    public const string Processing = "processing";

    /// <summary>Finished well.</summary>
    public const string Completed = "completed";

    /// <summary>Finished badly.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";
}
