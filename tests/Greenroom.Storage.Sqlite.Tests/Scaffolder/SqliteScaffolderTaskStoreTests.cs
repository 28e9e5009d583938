using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Tasks;
using Greenroom.Storage.Sqlite.Scaffolder;

namespace Greenroom.Storage.Sqlite.Tests.Scaffolder;

public sealed class SqliteScaffolderTaskStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ScaffolderTask Task(string id, string status = ScaffolderTaskStatus.Open, string by = "user:default/guest", int minutes = 0) =>
        new(id, new JsonObject { ["parameters"] = new JsonObject { ["name"] = id } }, status, by, T0.AddMinutes(minutes), null);

    [Fact]
    public async Task Stores_tasks_and_events_and_reads_them_back_across_a_reopen()
    {
        var path = _database.NewPath();
        await using (var catalog = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            var store = new SqliteScaffolderTaskStore(catalog);
            await store.CreateTaskAsync(Task("a"), CancellationToken.None);
            var first = await store.AppendEventAsync("a", TaskLogEvent.Log("Beginning step x", "x", "processing"), T0, CancellationToken.None);
            var second = await store.AppendEventAsync("a", new TaskLogEvent("completion", new JsonObject { ["message"] = "done" }), T0, CancellationToken.None);
            await store.SetStatusAsync("a", ScaffolderTaskStatus.Completed, T0.AddMinutes(1), CancellationToken.None);
            Assert.True(second > first);
        }

        await using var reopened = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var again = new SqliteScaffolderTaskStore(reopened);
        var task = await again.GetTaskAsync("a", CancellationToken.None);
        Assert.NotNull(task);
        Assert.Equal((ScaffolderTaskStatus.Completed, "a"), (task.Status, task.Spec["parameters"]!["name"]!.ToString()));
        Assert.Equal(T0.AddMinutes(1), task.LastHeartbeatAt);
        var events = await again.ListEventsAsync("a", 0, CancellationToken.None);
        Assert.Equal(["log", "completion"], events.Select(e => e.Type));
        Assert.Equal("x", events[0].Body["stepId"]!.ToString());
        Assert.Equal(["completion"], (await again.ListEventsAsync("a", events[0].Id, CancellationToken.None)).Select(e => e.Type));
        Assert.Null(await again.GetTaskAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task Lists_newest_first_with_filters_and_finds_unfinished_tasks()
    {
        await using var catalog = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = _database.NewPath() });
        var store = new SqliteScaffolderTaskStore(catalog);
        await store.CreateTaskAsync(Task("old", ScaffolderTaskStatus.Completed, minutes: 0), CancellationToken.None);
        await store.CreateTaskAsync(Task("running", ScaffolderTaskStatus.Processing, minutes: 1), CancellationToken.None);
        await store.CreateTaskAsync(Task("queued", ScaffolderTaskStatus.Open, by: "user:default/ann", minutes: 2), CancellationToken.None);

        var (all, total) = await store.ListTasksAsync(new TaskQuery(Limit: 2), CancellationToken.None);
        Assert.Equal(3, total);
        Assert.Equal(["queued", "running"], all.Select(t => t.Id));
        var (mine, mineTotal) = await store.ListTasksAsync(new TaskQuery(CreatedBy: "user:default/ann"), CancellationToken.None);
        Assert.Equal((1, "queued"), (mineTotal, Assert.Single(mine).Id));
        Assert.Equal(["running", "queued"], await store.ListUnfinishedTaskIdsAsync(CancellationToken.None));
    }
}
