using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Microsoft.Extensions.Logging;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>
/// Ends every task a previous process left unfinished as failed, with the reason, so no task is ever left hanging or
/// silently lost. It runs once, in the background after start (the server does not wait for the store to answer
/// before it serves), and task reads wait for it, so no client sees a cut-off task as still running. Tasks this
/// process creates are claimed before they are stored, so recovery never mistakes one for an orphan.
/// </summary>
public sealed partial class TaskRecovery(IScaffolderTaskStore store, TaskEventHub hub, TimeProvider time, ILogger<TaskRecovery> logger)
{
    /// <summary>The reason recorded on tasks cut off by a restart.</summary>
    public const string RestartReason = "The task was cut off by a server restart before it finished; its secrets are never stored, so run it again";

    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Task? _recovery;

    /// <summary>Runs the recovery once (the first caller starts it) and waits for it.</summary>
    public Task EnsureRecoveredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A failed attempt (the store did not answer) is tried again by the next caller.
            if (_recovery is null || _recovery.IsFaulted || _recovery.IsCanceled)
            {
                _recovery = RecoverAsync();
            }

            return _recovery.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Marks <paramref name="taskId"/> as this process's, before it is stored.</summary>
    internal void Claim(string taskId) => _claimed.TryAdd(taskId, 0);

    /// <summary>Forgets a claim once the task has ended (or was never stored).</summary>
    internal void Release(string taskId) => _claimed.TryRemove(taskId, out _);

    private async Task RecoverAsync()
    {
        // Not the caller's token: a reader giving up must not leave the recovery half done for the others.
        foreach (var id in await store.ListUnfinishedTaskIdsAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_claimed.ContainsKey(id))
            {
                continue;
            }

            await FinishAsync(store, hub, time, id, ScaffolderTaskStatus.Failed, new JsonObject
            {
                ["message"] = RestartReason,
                ["status"] = ScaffolderTaskStatus.Failed,
                ["error"] = new JsonObject { ["name"] = "TaskInterrupted", ["message"] = RestartReason },
            }, CancellationToken.None).ConfigureAwait(false);
            LogRecovered(logger, id);
        }
    }

    /// <summary>Records a task's end: its status first, then the completion event, then wakes its readers.</summary>
    internal static async Task FinishAsync(
        IScaffolderTaskStore store, TaskEventHub hub, TimeProvider time, string id, string status, JsonObject body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Status first: whoever sees the completion event and then reads the task must find it finished.
        await store.SetStatusAsync(id, status, now, cancellationToken).ConfigureAwait(false);
        await store.AppendEventAsync(id, new TaskLogEvent("completion", body), now, cancellationToken).ConfigureAwait(false);
        hub.Notify(id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaffolder task {TaskId} was cut off by a restart and is marked failed")]
    private static partial void LogRecovered(ILogger logger, string taskId);
}
