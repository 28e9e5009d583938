using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Tasks;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Scaffolder;

/// <summary>The scaffolder's tasks and events in the embedded database, sharing the catalog store's connections.</summary>
public sealed class SqliteScaffolderTaskStore(SqliteCatalogStore database) : IScaffolderTaskStore
{
    private const string Columns = "id, spec, status, created_by, created_at, last_heartbeat_at";

    /// <inheritdoc />
    public Task CreateTaskAsync(ScaffolderTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                $"INSERT INTO scaffolder_tasks ({Columns}) VALUES ($id, $spec, $status, $by, $at, $beat)", transaction)
                .With("$id", task.Id).With("$spec", task.Spec.ToJsonString()).With("$status", task.Status)
                .With("$by", task.CreatedBy).With("$at", SqliteValues.ToDb(task.CreatedAt))
                .With("$beat", task.LastHeartbeatAt is { } beat ? SqliteValues.ToDb(beat) : null);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ScaffolderTask?> GetTaskAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM scaffolder_tasks WHERE id = $id", transaction).With("$id", id);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTask(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<(IReadOnlyList<ScaffolderTask> Tasks, int Total)> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Filter = "($by IS NULL OR created_by = $by) AND ($status IS NULL OR status = $status)";
        return database.ReadAsync<(IReadOnlyList<ScaffolderTask>, int)>(async (connection, transaction) =>
        {
            using var count = connection.Command($"SELECT COUNT(*) FROM scaffolder_tasks WHERE {Filter}", transaction)
                .With("$by", query.CreatedBy).With("$status", query.Status);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            using var page = connection.Command(
                $"SELECT {Columns} FROM scaffolder_tasks WHERE {Filter} ORDER BY created_at DESC, id DESC LIMIT $limit OFFSET $offset", transaction)
                .With("$by", query.CreatedBy).With("$status", query.Status).With("$limit", query.Limit).With("$offset", query.Offset);
            using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var tasks = new List<ScaffolderTask>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tasks.Add(ReadTask(reader));
            }

            return (tasks, total);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SetStatusAsync(string id, string status, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command("UPDATE scaffolder_tasks SET status = $status, last_heartbeat_at = $at WHERE id = $id", transaction)
                .With("$id", id).With("$status", status).With("$at", SqliteValues.ToDb(at));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> AppendEventAsync(string taskId, TaskLogEvent logEvent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "INSERT INTO scaffolder_task_events (task_id, type, body, created_at) VALUES ($task, $type, $body, $at) RETURNING id", transaction)
                .With("$task", taskId).With("$type", logEvent.Type).With("$body", logEvent.Body.ToJsonString()).With("$at", SqliteValues.ToDb(at));
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredTaskEvent>> ListEventsAsync(string taskId, long after, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredTaskEvent>>(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "SELECT id, task_id, type, body, created_at FROM scaffolder_task_events WHERE task_id = $task AND id > $after ORDER BY id", transaction)
                .With("$task", taskId).With("$after", after);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var events = new List<StoredTaskEvent>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new StoredTaskEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    JsonNode.Parse(reader.GetString(3))!.AsObject(), SqliteValues.ToTime(reader.GetInt64(4))));
            }

            return events;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListUnfinishedTaskIdsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            using var command = connection.Command("SELECT id FROM scaffolder_tasks WHERE status IN ('open', 'processing') ORDER BY created_at", transaction);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);

    private static ScaffolderTask ReadTask(SqliteDataReader reader) => new(
        reader.GetString(0),
        JsonNode.Parse(reader.GetString(1))!.AsObject(),
        reader.GetString(2),
        reader.GetString(3),
        SqliteValues.ToTime(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : SqliteValues.ToTime(reader.GetInt64(5)));
}
