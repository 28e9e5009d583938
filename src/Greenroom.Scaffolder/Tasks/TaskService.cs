using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Parameters;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Creates tasks (validated, stored, queued) and reads them back with their events.</summary>
public sealed class TaskService(
    TemplateCatalog templates,
    TaskExecutor executor,
    IScaffolderTaskStore store,
    TaskQueue queue,
    TaskEventHub hub,
    TaskRecovery recovery,
    IOptions<ScaffolderOptions> options,
    TimeProvider time)
{
    /// <summary>The user tasks run as while Greenroom has no sign-in.</summary>
    public const string GuestUser = "user:default/guest";

    /// <summary>
    /// Validates <paramref name="values"/> against the template's parameters, checks every action exists, stores the
    /// task (secrets left out) and queues it. Throws <see cref="ScaffolderRequestException"/> for a bad request.
    /// </summary>
    public async Task<string> CreateAsync(
        string templateRef, JsonObject values, IReadOnlyDictionary<string, string> secrets, string userRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = await templates.GetAsync(templateRef, cancellationToken).ConfigureAwait(false);
        values = ParameterDefaults.Apply(template, values);
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

        var id = Guid.CreateVersion7().ToString();
        var spec = TaskSpecBuilder.Build(template, values, userRef);

        // Claimed before it is stored: start-up recovery, if still running, must not take it for an orphan.
        recovery.Claim(id);
        try
        {
            await store.CreateTaskAsync(new ScaffolderTask(id, spec, ScaffolderTaskStatus.Open, userRef, time.GetUtcNow(), null), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            recovery.Release(id);
            throw;
        }

        var user = await templates.GetUserAsync(userRef, cancellationToken).ConfigureAwait(false);
        queue.Enqueue(new TaskRun(id, template, values.DeepClone().AsObject(), secrets, userRef, user,
            TemplateFilesFactory.For(template, options.Value), IsDryRun: false));
        return id;
    }

    /// <summary>The task, or null (once tasks cut off by a restart are marked so).</summary>
    public async Task<ScaffolderTask?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await recovery.EnsureRecoveredAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of tasks.</summary>
    public async Task<(IReadOnlyList<ScaffolderTask> Tasks, int Total)> ListAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        await recovery.EnsureRecoveredAsync(cancellationToken).ConfigureAwait(false);
        return await store.ListTasksAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Events after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<StoredTaskEvent>> EventsAsync(string id, long after, CancellationToken cancellationToken)
    {
        await recovery.EnsureRecoveredAsync(cancellationToken).ConfigureAwait(false);
        return await store.ListEventsAsync(id, after, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A signal that completes at the task's next event (see <see cref="TaskEventHub.NextEvent"/>).</summary>
    public Task NextEvent(string id) => hub.NextEvent(id);
}
