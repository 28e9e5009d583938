using System.Net;
using Greenroom.Catalog.Options;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Locations;

/// <summary>
/// Reads descriptors over http(s): only allow-listed hosts, every redirect re-checked against the allow-list,
/// the size limit enforced while streaming (a lying or absent Content-Length does not help).
/// </summary>
internal sealed class UrlSourceReader(IHttpClientFactory httpClientFactory, IOptions<ReadingOptions> options)
{
    /// <summary>The named HttpClient (automatic redirects off: each hop is checked here).</summary>
    public const string HttpClientName = "Greenroom.Catalog.Reading";

    private const int MaxRedirects = 5;

    private readonly HostAllowList _allowList = new(options.Value.AllowedHosts);

    /// <summary>Throws <see cref="LocationReadException"/> (NotAllowedError) unless <paramref name="uri"/> may be read.</summary>
    public void EnsureAllowed(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new LocationReadException($"Only http and https URLs can be read, got {uri}", "NotAllowedError");
        }

        if (!_allowList.Allows(uri))
        {
            throw new LocationReadException(
                $"Reading from {uri.Authority} is not allowed: add it to Greenroom:Reading:AllowedHosts ({uri})", "NotAllowedError");
        }
    }

    /// <summary>Reads <paramref name="uri"/> as text within the size limit.</summary>
    public async Task<string> ReadTextAsync(Uri uri, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.HttpTimeout);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var current = uri;
        try
        {
            for (var hop = 0; ; hop++)
            {
                EnsureAllowed(current);
                using var response = await client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } next)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new LocationReadException($"Too many redirects reading {uri}");
                    }

                    current = next.IsAbsoluteUri ? next : new Uri(current, next);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new LocationReadException($"URL not found: {current}", "NotFoundError");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new LocationReadException($"Reading {current} failed with HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength is { } length && length > settings.MaxFileBytes)
                {
                    throw FileSourceReader.TooLarge(current.ToString(), length, settings.MaxFileBytes);
                }

                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                return await BoundedText.ReadAsync(stream, settings.MaxFileBytes, current.ToString(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocationReadException($"Reading {current} timed out after {settings.HttpTimeout}");
        }
        catch (HttpRequestException exception)
        {
            throw new LocationReadException($"Reading {current} failed: {exception.Message}");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;
}
