using System.Net;
using System.Text;
using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Sources;

/// <summary>
/// A docs folder over http(s): files are fetched relative to the folder URL and never outside it; only allow-listed
/// hosts, every redirect re-checked; size limits enforced while streaming. It cannot list, so a url site needs a nav.
/// </summary>
internal sealed class UrlDocsSource(Uri folder, HttpClient client, DocsHostAllowList allowList, ReadBudget budget, TimeSpan timeout) : IDocsSource
{
    private const int MaxRedirects = 5;

    public string Description { get; } = "url:" + folder;

    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var text = bytes.AsSpan();
        return Encoding.UTF8.GetString(text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? text[3..] : text);
    }

    public async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        var relative = DocsPaths.Combine(string.Empty, path)
            ?? throw new DocsSourceException($"'{path}' leaves the docs folder; reading it is refused");
        var current = new Uri(folder, string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (!allowList.Allows(current))
                {
                    throw new DocsSourceException(
                        $"Reading {current} is not allowed: add {current.Authority} to Greenroom:TechDocs:AllowedHosts or Greenroom:Reading:AllowedHosts");
                }

                using var response = await client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new DocsSourceException($"Too many redirects reading {path}");
                    }

                    current = next.IsAbsoluteUri ? next : new Uri(current, next);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new DocsSourceException($"File not found: {path} ({current})", isNotFound: true);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new DocsSourceException($"Reading {path} ({current}) failed with HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength is { } length)
                {
                    budget.CheckFile(path, length);
                }

                await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                var bytes = await ReadBoundedAsync(stream, path, deadline.Token).ConfigureAwait(false);
                budget.Spend(path, bytes.Length);
                return bytes;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocsSourceException($"Reading {path} ({current}) timed out after {timeout}");
        }
        catch (HttpRequestException e)
        {
            throw new DocsSourceException($"Reading {path} ({current}) failed: {e.Message}");
        }
    }

    public Task<IReadOnlyList<string>?> ListFilesAsync(string folder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);

    // Content-Length may lie or be absent: stop one byte past the limit.
    private async Task<byte[]> ReadBoundedAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            budget.CheckFile(path, buffer.Length);
        }

        return buffer.ToArray();
    }
}
