using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Server.Tests.Search;

/// <summary>Waits for the search indexer to catch up with the catalog, through its status endpoint.</summary>
public static class SearchWait
{
    /// <summary>Polls <c>/api/greenroom/search/status</c> until the indexer is idle (bounded: a stuck indexer fails the test).</summary>
    public static async Task<JsonObject> WaitForSearchIdleAsync(this HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/greenroom/search/status", UriKind.Relative), timeout.Token))!;
            if (status["idle"]?.GetValue<bool>() == true)
            {
                return status;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
