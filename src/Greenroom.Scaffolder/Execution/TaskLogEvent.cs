using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Execution;

/// <summary>One task event as Backstage shapes it: type <c>log</c> or <c>completion</c>, and a body.</summary>
/// <param name="Type"><c>log</c>, <c>completion</c> or <c>recovered</c>.</param>
/// <param name="Body"><c>{message, stepId?, status?, output?, error?}</c>.</param>
public sealed record TaskLogEvent(string Type, JsonObject Body)
{
    /// <summary>A log line, optionally for a step and with the step's new status.</summary>
    public static TaskLogEvent Log(string message, string? stepId = null, string? status = null)
    {
        var body = new JsonObject { ["message"] = message };
        if (stepId is not null)
        {
            body["stepId"] = stepId;
        }

        if (status is not null)
        {
            body["status"] = status;
        }

        return new TaskLogEvent("log", body);
    }
}

/// <summary>Where a running task's events go (the task store and live listeners, or a dry run's list).</summary>
public interface ITaskEventSink
{
    /// <summary>Records one event.</summary>
    Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken);
}
