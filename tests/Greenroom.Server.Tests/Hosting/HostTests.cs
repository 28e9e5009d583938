using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Hosting;

public sealed class HostTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Healthz_reports_counts_and_ingestion_progress()
    {
        var health = await _client.GetJsonAsync("/healthz");

        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal(FixtureCatalog.EntityCount, health["catalog"]!["entities"]!.GetValue<int>());
        Assert.Equal(1, health["catalog"]!["locations"]!.GetValue<int>());
        Assert.True(health["catalog"]!["relations"]!.GetValue<int>() > 0);
        Assert.True(health["ingestion"]!["initialSyncDone"]!.GetValue<bool>());
        Assert.Equal(0, health["ingestion"]!["pendingLocations"]!.GetValue<int>());
        Assert.True(health["ingestion"]!["entitiesProcessed"]!.GetValue<long>() >= FixtureCatalog.EntityCount);
        Assert.False(string.IsNullOrEmpty(health["components"]!["search"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(health["components"]!["techdocs"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Serves_an_openapi_document_describing_the_catalog_api()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/catalog/entities", paths);
        Assert.Contains("/api/catalog/entities/by-query", paths);
        Assert.Contains("/api/catalog/locations/{id}", paths);
        Assert.Contains("/api/greenroom/entities/by-uid/{uid}/history", paths);
    }

    [Fact]
    public async Task Serves_a_browsable_api_reference()
    {
        var response = await _client.GetAsync(new Uri("/api-reference/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exposes_catalog_and_http_metrics_for_prometheus()
    {
        await _client.GetAsync(new Uri("/api/catalog/entities", UriKind.Relative));

        var metrics = await _client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("greenroom_catalog_passes_total", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }
}
