using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Actions;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Templating;
using Greenroom.Scaffolder.Workspace;
using Microsoft.Extensions.Logging;

namespace Greenroom.Scaffolder.Tests.Support;

/// <summary>The executor with the built-in actions, a template folder, and everything each run logged and produced.</summary>
public sealed class Harness : IDisposable
{
    private readonly TempFolder _root = new();

    public Harness(Action<ScaffolderOptions>? configure = null, IEnumerable<IScaffolderAction>? extraActions = null)
    {
        Options = new ScaffolderOptions { WorkDirectory = System.IO.Path.Combine(_root.Path, "work") };
        Options.LocalGitRoots.Add(System.IO.Path.Combine(_root.Path, "remotes"));
        configure?.Invoke(Options);
        var engine = new TemplateEngine();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Actions = new ActionRegistry(
        [
            new FetchPlainAction(), new FetchPlainFileAction(), new FetchTemplateAction(engine), new FsDeleteAction(),
            new FsRenameAction(), new DebugLogAction(), new CatalogWriteAction(), new CatalogRegisterAction(Registrar, options),
            new PublishGitAction(options), .. extraActions ?? [],
        ]);
        Executor = new TaskExecutor(Actions, engine, options, Logger);
    }

    public ScaffolderOptions Options { get; }

    public ActionRegistry Actions { get; }

    public TaskExecutor Executor { get; }

    public FakeRegistrar Registrar { get; } = new();

    public CapturingLogger<TaskExecutor> Logger { get; } = new();

    public string Root => _root.Path;

    public string TemplateFolder => System.IO.Path.Combine(_root.Path, "template");

    public List<TaskLogEvent> Events { get; } = [];

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string Write(string relative, string content) => _root.Write(System.IO.Path.Combine("template", relative), content);

    public async Task<TaskRunResult> RunAsync(string templateYaml, string valuesJson = "{}", Dictionary<string, string>? secrets = null, bool dryRun = false)
    {
        var path = Write("template.yaml", templateYaml);
        var entity = TemplateYaml.Parse(templateYaml, "template.yaml");
        var annotations = new JsonObject { ["backstage.io/managed-by-location"] = "file:" + path };
        ((JsonObject)entity["metadata"]!)["annotations"] = annotations;
        var template = TemplateReader.Read(entity);
        var run = new TaskRun("task-1", template, JsonNode.Parse(valuesJson)!.AsObject(), secrets ?? [], "user:default/guest", null,
            new DirectoryTemplateFiles(TemplateFolder, Options.MaxFileBytes, Options.MaxWorkspaceFiles), dryRun);
        Events.Clear();
        Files.Clear();
        return await Executor.RunAsync(run, new Sink(Events), workspace =>
        {
            foreach (var file in workspace.ListFiles())
            {
                Files[file] = File.ReadAllText(workspace.Resolve(file));
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    /// <summary>Every byte the run could have leaked: log events, workspace files, and what the host logger got.</summary>
    public string EverythingRecorded(TaskRunResult result) =>
        string.Join("\n", Events.Select(e => e.Body.ToJsonString()))
        + string.Join("\n", Files.Select(f => f.Key + f.Value))
        + result.Output.ToJsonString() + result.Error + string.Join("\n", Logger.Lines);

    public void Dispose() => _root.Dispose();

    private sealed class Sink(List<TaskLogEvent> events) : ITaskEventSink
    {
        public Task WriteAsync(TaskLogEvent logEvent, CancellationToken cancellationToken)
        {
            events.Add(logEvent);
            return Task.CompletedTask;
        }
    }
}

public sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add(formatter(state, exception) + exception);
        }
    }
}
