using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>
/// Runs queued tasks, a few at a time. On start it first ends every task a previous process left unfinished as failed,
/// with the reason, so no task is ever left hanging or silently lost.
/// </summary>
public sealed partial class TaskWorker(
    TaskQueue queue,
    TaskExecutor executor,
    IScaffolderTaskStore store,
    TaskEventHub hub,
    IOptions<ScaffolderOptions> options,
    TimeProvider time,
    ILogger<TaskWorker> logger) : BackgroundService
{
    /// <summary>The reason recorded on tasks cut off by a restart.</summary>
    public const string RestartReason = "The task was cut off by a server restart before it finished; its secrets are never stored, so run it again";

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server takes requests: a task created by this process must never be mistaken for an orphan.
        foreach (var id in await store.ListUnfinishedTaskIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            await FinishAsync(id, ScaffolderTaskStatus.Failed, new JsonObject
            {
                ["message"] = RestartReason,
                ["status"] = ScaffolderTaskStatus.Failed,
                ["error"] = new JsonObject { ["name"] = "TaskInterrupted", ["message"] = RestartReason },
            }, cancellationToken).ConfigureAwait(false);
            LogRecovered(logger, id);
        }

        SweepWorkDirectory();
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    // Workspaces left by a process that died mid-task; only under a configured folder, which is this server's own.
    private void SweepWorkDirectory()
    {
        if (options.Value.WorkDirectory is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateDirectories(folder))
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(leftover, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(leftover, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next start.
            }
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentTasks)).Select(_ => RunLoopAsync(stoppingToken)));

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RunOneAsync(run, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store itself failed (disk full, database locked): keep serving the other tasks; this one is
                    // left open or processing and is failed with a reason at the next start.
                    LogRunFailed(logger, run.TaskId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a task cut off here is failed by the next start's recovery.
        }
    }

    private async Task RunOneAsync(TaskRun run, CancellationToken stoppingToken)
    {
        await store.SetStatusAsync(run.TaskId, ScaffolderTaskStatus.Processing, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        var sink = new StoreEventSink(store, hub, time, run.TaskId);
        var result = await executor.RunAsync(run, sink, null, stoppingToken).ConfigureAwait(false);
        if (result.Status == ScaffolderTaskStatus.Cancelled && stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var body = new JsonObject { ["message"] = $"Run completed with status: {result.Status}", ["status"] = result.Status };
        if (result.Error is null)
        {
            body["output"] = result.Output;
        }
        else
        {
            body["error"] = new JsonObject { ["name"] = "Error", ["message"] = result.Error };
        }

        await FinishAsync(run.TaskId, result.Status, body, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task FinishAsync(string id, string status, JsonObject body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Status first: whoever sees the completion event and then reads the task must find it finished.
        await store.SetStatusAsync(id, status, now, cancellationToken).ConfigureAwait(false);
        await store.AppendEventAsync(id, new TaskLogEvent("completion", body), now, cancellationToken).ConfigureAwait(false);
        hub.Notify(id);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scaffolder task {TaskId} could not be recorded")]
    private static partial void LogRunFailed(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaffolder task {TaskId} was cut off by a restart and is marked failed")]
    private static partial void LogRecovered(ILogger logger, string taskId);
}
