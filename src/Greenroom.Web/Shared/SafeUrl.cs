namespace Greenroom.Web.Shared;

/// <summary>
/// Decides whether a URL from a descriptor may become a link. Descriptors are untrusted: only absolute http(s) and
/// mailto URLs, and site-relative paths, are linked; <c>javascript:</c>, <c>data:</c> and anything else is shown as text.
/// </summary>
public static class SafeUrl
{
    /// <summary>The URL when it is safe to link, otherwise null.</summary>
    public static string? Link(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return trimmed;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>A location annotation's URL (<c>url:https://...</c>), or null for other types or unsafe URLs.</summary>
    public static string? FromLocation(string? location) =>
        location is not null && location.StartsWith("url:", StringComparison.Ordinal) ? Link(location[4..]) : null;
}
