using System.Net;
using System.Text;

namespace Greenroom.TechDocs.Tests.Support;

/// <summary>Answers HTTP requests from a dictionary of URL → body (or status), recording what was asked.</summary>
internal sealed class StubHttpHandler(Dictionary<string, string> files) : HttpMessageHandler
{
    public Dictionary<string, (HttpStatusCode Status, string? Location)> Special { get; } = [];

    public List<string> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        Requested.Add(url);
        if (Special.TryGetValue(url, out var special))
        {
            var response = new HttpResponseMessage(special.Status);
            if (special.Location is { } location)
            {
                response.Headers.Location = new Uri(location);
            }

            return Task.FromResult(response);
        }

        return Task.FromResult(files.TryGetValue(url, out var body)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
