using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;
using Greenroom.Scaffolder.Tasks;
using Greenroom.Scaffolder.Templating;
using Greenroom.Scaffolder.Workspace;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.DryRun;

/// <summary>
/// Runs a template without side effects: its files come from the request, actions that cannot dry-run are skipped,
/// and the answer carries the log, the files the run produced and the output. Nothing is stored.
/// </summary>
public sealed class DryRunner(TaskExecutor executor, IOptions<ScaffolderOptions> options)
{
    /// <summary>Runs <paramref name="request"/>; throws <see cref="ScaffolderRequestException"/> for a bad request.</summary>
    public async Task<DryRunResult> RunAsync(DryRunRequest request, string userRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TemplateDefinition template;
        try
        {
            template = TemplateReader.Read(request.Template);
        }
        catch (TemplateModelException e)
        {
            throw new ScaffolderRequestException(e.Message, [.. e.Problems.Select(p => "template." + p)]);
        }

        var values = ParameterDefaults.Apply(template, request.Values);
        var problems = ParameterValidator.Validate(template, values);
        if (problems.Count > 0)
        {
            throw new ScaffolderRequestException("The values do not match the template's parameters", problems);
        }

        try
        {
            executor.Preflight(template);
        }
        catch (StepFailedException e)
        {
            throw new ScaffolderRequestException(e.Message, [e.Message]);
        }

        var folder = Path.Combine(options.Value.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "greenroom-scaffolder"), $"dry-run-template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            await WriteTemplateFilesAsync(folder, request.DirectoryContents, cancellationToken).ConfigureAwait(false);
            var log = new ListSink();
            var files = new List<DryRunFile>();
            var run = new TaskRun($"dry-run-{Guid.NewGuid():N}", template, values, request.Secrets, userRef, null,
                new DirectoryTemplateFiles(folder, options.Value.MaxFileBytes, options.Value.MaxWorkspaceFiles), IsDryRun: true);
            var result = await executor.RunAsync(run, log, workspace => CollectAsync(workspace, files, cancellationToken), cancellationToken).ConfigureAwait(false);
            var steps = new JsonArray([.. template.Steps.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["name"] = s.Name, ["action"] = s.Action })]);
            return new DryRunResult(log.Events, files, result.Output, steps, result.Status, Error(result));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject? Error(TaskRunResult result) => result.Failure switch
    {
        null when result.Error is null => null,
        TemplateSyntaxException s => new JsonObject
        {
            ["name"] = "TemplateSyntaxError",
            ["message"] = result.Error,
            ["file"] = s.Source,
            ["line"] = s.Line,
            ["column"] = s.Column,
        },
        _ => new JsonObject { ["name"] = "TaskFailed", ["message"] = result.Error },
    };

    private async Task WriteTemplateFilesAsync(string folder, IReadOnlyList<DryRunFile> files, CancellationToken cancellationToken)
    {
        if (files.Count > options.Value.MaxWorkspaceFiles)
        {
            throw new ScaffolderRequestException("Too many template files", [$"directoryContents: {files.Count} files, over the limit of {options.Value.MaxWorkspaceFiles}"]);
        }

        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            string path;
            byte[] bytes;
            try
            {
                path = PathGuard.Resolve(folder, files[i].Path, "template path");
                bytes = Convert.FromBase64String(files[i].Base64Content);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or FormatException or ArgumentException)
            {
                throw new ScaffolderRequestException($"directoryContents[{i}] is invalid", [$"directoryContents[{i}] ({files[i].Path}): {e.Message}"]);
            }

            total += bytes.Length;
            if (bytes.Length > options.Value.MaxFileBytes || total > options.Value.MaxWorkspaceBytes)
            {
                throw new ScaffolderRequestException("Template files too large", [$"directoryContents[{i}] ({files[i].Path}): over the size limit"]);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CollectAsync(IScaffolderWorkspace workspace, List<DryRunFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in workspace.ListFiles())
        {
            var path = workspace.Resolve(file);
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            files.Add(new DryRunFile(file, Convert.ToBase64String(bytes), executable));
        }
    }

    private sealed class ListSink : ITaskEventSink
    {
        public JsonArray Events { get; } = [];

        public Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken)
        {
            lock (Events)
            {
                Events.Add(new JsonObject { ["body"] = logEvent.Body.DeepClone() });
            }

            return Task.CompletedTask;
        }
    }
}
