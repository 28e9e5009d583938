using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceTests;

public sealed class ServiceEndpointsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_endpoint_answers_healthy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_names_the_service()
    {
        using var client = factory.CreateClient();

        var info = await client.GetFromJsonAsync<ServiceInfoResponse>(new Uri("/", UriKind.Relative));

        Assert.Equal("${{ values.name }}", info?.Name);
    }

    private sealed record ServiceInfoResponse(string Name);
}
