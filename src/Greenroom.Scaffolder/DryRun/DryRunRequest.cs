using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.DryRun;

/// <summary>Backstage's dry-run body: a template entity, values, secrets and the template's files.</summary>
/// <param name="Template">The Template entity.</param>
/// <param name="Values">The parameter values.</param>
/// <param name="Secrets">Secrets for <c>${{ secrets.x }}</c>.</param>
/// <param name="DirectoryContents">The template's folder, as files.</param>
public sealed record DryRunRequest(JsonObject Template, JsonObject Values, IReadOnlyDictionary<string, string> Secrets, IReadOnlyList<DryRunFile> DirectoryContents);

/// <summary>One file of a dry run's template folder or result.</summary>
/// <param name="Path">Relative path with <c>/</c> separators.</param>
/// <param name="Base64Content">The bytes, base64.</param>
/// <param name="Executable">True when the file is executable (results only).</param>
public sealed record DryRunFile(string Path, string Base64Content, bool Executable = false);

/// <summary>The dry run's answer: log, resulting files, output, steps, and the failure if any.</summary>
/// <param name="Log">Every event body, in order.</param>
/// <param name="DirectoryContents">The workspace after the run.</param>
/// <param name="Output">The rendered spec.output.</param>
/// <param name="Steps">The steps (id, name, action).</param>
/// <param name="Status"><c>completed</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed: name, message and, for syntax errors, file, line and column.</param>
public sealed record DryRunResult(JsonArray Log, IReadOnlyList<DryRunFile> DirectoryContents, JsonObject Output, JsonArray Steps, string Status, JsonObject? Error);
