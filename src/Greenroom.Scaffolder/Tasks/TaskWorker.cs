using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>
/// Runs queued tasks, a few at a time, once <see cref="TaskRecovery"/> has ended the tasks a previous process left
/// unfinished (in the background: the server does not wait for it to start serving).
/// </summary>
public sealed partial class TaskWorker(
    TaskQueue queue,
    TaskExecutor executor,
    IScaffolderTaskStore store,
    TaskEventHub hub,
    TaskRecovery recovery,
    IOptions<ScaffolderOptions> options,
    TimeProvider time,
    ILogger<TaskWorker> logger) : BackgroundService
{
    /// <summary>The reason recorded on tasks cut off by a restart.</summary>
    public const string RestartReason = TaskRecovery.RestartReason;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server takes requests (and dry runs make workspaces there); only the file system, no store.
        SweepWorkDirectory();
        return base.StartAsync(cancellationToken);
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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.EnsureRecoveredAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // Queued tasks still run; the next read of the tasks tries the recovery again.
            LogRecoveryFailed(logger, e);
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentTasks)).Select(_ => RunLoopAsync(stoppingToken))).ConfigureAwait(false);
    }

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
        try
        {
            await RunClaimedAsync(run, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            recovery.Release(run.TaskId);
        }
    }

    private async Task RunClaimedAsync(TaskRun run, CancellationToken stoppingToken)
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

    private Task FinishAsync(string id, string status, JsonObject body, CancellationToken cancellationToken) =>
        TaskRecovery.FinishAsync(store, hub, time, id, status, body, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scaffolder task {TaskId} could not be recorded")]
    private static partial void LogRunFailed(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ending scaffolder tasks cut off by the last restart failed; it is tried again at the next read of the tasks")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
