namespace Greenroom.Server.TechDocs;

/// <summary>
/// A docs file with headers that keep it inert even when opened directly: no scripts, no plugins, no framing,
/// no MIME sniffing (an SVG image carries no script into the portal's origin).
/// </summary>
internal sealed class DocsFileResult(byte[] content, string contentType) : IResult
{
    public DocsFileResult(string html, string contentType)
        : this(System.Text.Encoding.UTF8.GetBytes(html), contentType)
    {
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; sandbox";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, httpContext.RequestAborted);
    }
}
