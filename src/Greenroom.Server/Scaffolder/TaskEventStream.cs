using System.Text;
using Greenroom.Scaffolder.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace Greenroom.Server.Scaffolder;

/// <summary>
/// <c>GET /v2/tasks/{id}/eventstream</c>: the task's events as server-sent events (<c>event: log|completion</c>,
/// <c>data: {id, taskId, body, type, createdAt}</c>), replayed from the store and then followed live until the
/// completion event. A comment line every few seconds keeps proxies from closing an idle stream.
/// </summary>
internal static class TaskEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);

    public static async Task WriteAsync(HttpContext context, TaskService tasks, string id, long after, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            var next = tasks.NextEvent(id);
            var events = await tasks.EventsAsync(id, after, cancellationToken);
            foreach (var e in events)
            {
                var text = $"event: {e.Type}\ndata: {ScaffolderJson.Event(e).ToJsonString()}\n\n";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
                after = e.Id;
                if (e.Type == "completion")
                {
                    await response.Body.FlushAsync(cancellationToken);
                    return;
                }
            }

            await response.Body.FlushAsync(cancellationToken);
            if (events.Count == 0)
            {
                try
                {
                    await next.WaitAsync(KeepAlive, cancellationToken);
                }
                catch (TimeoutException)
                {
                    await response.Body.WriteAsync(": keep-alive\n\n"u8.ToArray(), cancellationToken);
                }
            }
        }
    }
}
