using System.Threading.Channels;
using Greenroom.Scaffolder.Execution;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>
/// Tasks waiting to run, in memory: the secrets they carry must never be written anywhere. A restart therefore loses
/// queued tasks, and start-up recovery marks them failed with that reason.
/// </summary>
public sealed class TaskQueue
{
    private readonly Channel<TaskRun> _channel = Channel.CreateUnbounded<TaskRun>(new UnboundedChannelOptions { SingleReader = false });

    internal ChannelReader<TaskRun> Reader => _channel.Reader;

    internal void Enqueue(TaskRun run) => _channel.Writer.TryWrite(run);
}
