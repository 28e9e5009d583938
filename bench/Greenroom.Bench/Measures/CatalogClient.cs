using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Bench.Measures;

/// <summary>The few catalog API calls the bench makes, all to the loopback server under test.</summary>
internal sealed class CatalogClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="baseAddress">The server; must be a loopback address.</param>
    /// <param name="timeout">Bound of one request: a full refresh pass of a large catalog is one request.</param>
    public CatalogClient(Uri baseAddress, TimeSpan timeout)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new BenchException($"The bench only talks to a loopback server, not {baseAddress}");
        }

        // Enough connections for the concurrent-clients measure; no proxy for loopback.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
    }

    /// <summary>The <c>/healthz</c> status and body, or null while nothing answers.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)?> HealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await _http.GetAsync("healthz", timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.StatusCode, TryParse(text));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"GET {path} answered {(int)response.StatusCode}: {Truncate(text)}");
        }

        return JsonNode.Parse(text) ?? throw new BenchException($"GET {path} answered no JSON");
    }

    /// <summary>The entity by name, or null on 404.</summary>
    public async Task<JsonNode?> GetEntityAsync(string kind, string name, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/catalog/entities/by-name/{kind}/default/{Uri.EscapeDataString(name)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary><c>totalItems</c> of a by-query with <paramref name="query"/> (already URL-encoded).</summary>
    public async Task<int> TotalItemsAsync(string query, CancellationToken cancellationToken)
    {
        var body = await GetJsonAsync($"api/catalog/entities/by-query?limit=1{query}", cancellationToken);
        return body["totalItems"]?.GetValue<int>() ?? throw new BenchException("by-query answered without totalItems");
    }

    /// <summary><c>POST /refresh</c> for one entity: on Greenroom it re-reads that entity's whole root location.</summary>
    public async Task RefreshAsync(string entityRef, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/catalog/refresh", new { entityRef }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"POST /refresh for {entityRef} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>Sends one request, reads the whole body, and returns the elapsed milliseconds; a non-2xx answer fails.</summary>
    public async Task<double> TimeAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var message = request();
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}: {Truncate(await response.Content.ReadAsStringAsync(cancellationToken))}");
        }

        return elapsed;
    }

    public void Dispose() => _http.Dispose();

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
