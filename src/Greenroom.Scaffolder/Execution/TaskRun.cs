using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Model;

namespace Greenroom.Scaffolder.Execution;

/// <summary>Everything one run of a template needs. Secrets live only here, in memory, for the run's duration.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="Template">The template.</param>
/// <param name="Parameters">The values the user gave, unmasked.</param>
/// <param name="Secrets">The secrets (<c>${{ secrets.x }}</c>), never stored.</param>
/// <param name="UserRef">Who runs it.</param>
/// <param name="UserEntity">The user's catalog entity, when the catalog has one.</param>
/// <param name="TemplateFiles">The template's own files.</param>
/// <param name="IsDryRun">True for a dry run.</param>
public sealed record TaskRun(
    string TaskId,
    TemplateDefinition Template,
    JsonObject Parameters,
    IReadOnlyDictionary<string, string> Secrets,
    string UserRef,
    JsonObject? UserEntity,
    ITemplateFiles TemplateFiles,
    bool IsDryRun);

/// <summary>How a run ended.</summary>
/// <param name="Status"><c>completed</c> or <c>failed</c> (or <c>cancelled</c>).</param>
/// <param name="Output">The rendered spec.output (links, text…), empty when failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Failure">The exception behind <paramref name="Error"/> (for file and line of a syntax error).</param>
public sealed record TaskRunResult(string Status, JsonObject Output, string? Error, Exception? Failure = null);
