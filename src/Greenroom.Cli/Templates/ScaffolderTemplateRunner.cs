using System.Text.Json.Nodes;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder;
using Greenroom.Scaffolder.Actions;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Parameters;
using Greenroom.Scaffolder.Templating;
using Greenroom.Scaffolder.Workspace;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Greenroom.Cli.Templates;

/// <summary>
/// Runs a template with the scaffolder engine as a dry run: files are rendered as on the server, but nothing is
/// published or registered (those steps report what they would do). The workspace is copied to the output folder.
/// </summary>
public sealed class ScaffolderTemplateRunner : ITemplateRunner
{
    /// <inheritdoc />
    public async Task<int> RunAsync(TemplateRunRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        TemplateDefinition template;
        try
        {
            template = TemplateReader.Read(request.Template);
        }
        catch (TemplateModelException e)
        {
            await output.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var problems = ParameterValidator.Validate(template, request.Values);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync($"error: values: {problem}").ConfigureAwait(false);
            }

            return 1;
        }

        var options = new ScaffolderOptions();
        var engine = new TemplateEngine();
        var actions = new ActionRegistry(
        [
            new FetchPlainAction(), new FetchPlainFileAction(), new FetchTemplateAction(engine), new FsDeleteAction(), new FsRenameAction(),
            new DebugLogAction(), new CatalogWriteAction(), new CatalogRegisterAction(new NoCatalog(), Options.Create(options)), new PublishGitAction(Options.Create(options)),
        ]);
        var executor = new TaskExecutor(actions, engine, Options.Create(options), NullLogger<TaskExecutor>.Instance);
        var run = new TaskRun("local", template, request.Values, new Dictionary<string, string>(), "user:default/guest", null,
            new DirectoryTemplateFiles(Path.GetDirectoryName(request.TemplateFile)!, options.MaxFileBytes, options.MaxWorkspaceFiles), IsDryRun: true);
        var result = await executor.RunAsync(run, new WriterSink(output), workspace => CopyAsync(workspace, request.OutputDirectory, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        if (result.Status != "completed")
        {
            await output.WriteLineAsync($"error: {result.Error}").ConfigureAwait(false);
            return 1;
        }

        foreach (var link in result.Output["links"]?.AsArray() ?? [])
        {
            await output.WriteLineAsync($"output: {link?["title"]}: {link?["url"] ?? link?["entityRef"]}").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task CopyAsync(IScaffolderWorkspace workspace, string target, CancellationToken cancellationToken)
    {
        foreach (var file in workspace.ListFiles())
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            await using var source = File.OpenRead(workspace.Resolve(file));
            await using var copy = File.Create(destination);
            await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class WriterSink(TextWriter output) : ITaskEventSink
    {
        public Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken) =>
            logEvent.Body["message"]?.ToString() is { } message ? output.WriteLineAsync(message) : Task.CompletedTask;
    }

    private sealed class NoCatalog : ICatalogRegistrar
    {
        public Task<CatalogRegistration> RegisterLocationAsync(string type, string target, CancellationToken cancellationToken) =>
            throw new NotSupportedException("There is no catalog to register in when a template runs locally.");
    }
}
