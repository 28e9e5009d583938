using Greenroom.Scaffolder.Execution;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Writes a running task's events to the store and wakes its live readers.</summary>
internal sealed class StoreEventSink(IScaffolderTaskStore store, TaskEventHub hub, TimeProvider time, string taskId) : ITaskEventSink
{
    public async Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken)
    {
        await store.AppendEventAsync(taskId, logEvent, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        hub.Notify(taskId);
    }
}
