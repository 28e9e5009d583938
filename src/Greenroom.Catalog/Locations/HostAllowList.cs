namespace Greenroom.Catalog.Locations;

/// <summary>
/// Matches URL hosts against <c>Greenroom:Reading:AllowedHosts</c>, as Backstage's <c>reading.allow</c>: an entry is a
/// host (<c>example.com</c>, default port only), a wildcard (<c>*.example.com</c>, any subdomain) or <c>host:port</c>.
/// </summary>
internal sealed class HostAllowList(IEnumerable<string> patterns)
{
    private readonly string[] _patterns = patterns.Select(p => p.Trim().ToLowerInvariant()).ToArray();

    /// <summary>Whether <paramref name="pattern"/> is a usable entry.</summary>
    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return Uri.TryCreate($"http://{host}/", UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>Whether <paramref name="uri"/> may be read.</summary>
    public bool Allows(Uri uri)
    {
        // Authority omits the scheme's default port, so "example.com" matches http://example.com and https://example.com.
        var authority = uri.Authority.ToLowerInvariant();
        foreach (var pattern in _patterns)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? authority.EndsWith(pattern[1..], StringComparison.Ordinal) && authority.Length > pattern.Length - 1
                : authority == pattern)
            {
                return true;
            }
        }

        return false;
    }
}
