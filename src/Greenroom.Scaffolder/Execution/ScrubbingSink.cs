using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Execution;

/// <summary>Passes events on with any echoed secret masked (see <see cref="SecretScrubber"/>).</summary>
internal sealed class ScrubbingSink(ITaskEventSink inner, SecretScrubber scrubber) : ITaskEventSink
{
    public Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken) =>
        inner.WriteAsync(logEvent with { Body = (JsonObject)scrubber.Scrub(logEvent.Body)! }, cancellationToken);
}
