using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.TechDocs;

/// <summary>Waits for the background builder to record an entity's docs build.</summary>
internal static class TechDocsWait
{
    public static async Task<JsonNode> ForStatusAsync(HttpClient client, string entityPath)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync(new Uri($"/api/greenroom/techdocs/{entityPath}", UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await HttpJson.ReadAsync(response, HttpStatusCode.OK);
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
