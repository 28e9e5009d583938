using System.Collections.Concurrent;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Wakes live readers (the event stream) when a task gets a new event; the events themselves come from the store.</summary>
public sealed class TaskEventHub
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>
    /// A task that completes at the task's next event. Take it before reading the store, then wait on it only if the
    /// read found nothing new: an event written in between has already completed it.
    /// </summary>
    public Task NextEvent(string taskId) =>
        _signals.GetOrAdd(taskId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Signals readers of <paramref name="taskId"/>.</summary>
    public void Notify(string taskId)
    {
        if (_signals.TryRemove(taskId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
