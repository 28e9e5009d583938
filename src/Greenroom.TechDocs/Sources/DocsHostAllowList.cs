namespace Greenroom.TechDocs;

/// <summary>
/// Which hosts url docs sources may be read from, with the catalog's rules: <c>host</c> (default port),
/// <c>*.host</c> (any subdomain) or <c>host:port</c>.
/// </summary>
internal sealed class DocsHostAllowList(IEnumerable<string> entries)
{
    private readonly List<string> _entries = entries.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).ToList();

    /// <summary>Whether <paramref name="entry"/> is usable.</summary>
    public static bool IsValidPattern(string? entry) =>
        !string.IsNullOrWhiteSpace(entry)
        && !entry.Contains('/', StringComparison.Ordinal)
        && Uri.TryCreate("http://" + (entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry) + "/", UriKind.Absolute, out var probe)
        && probe.Host.Length > 0;

    /// <summary>Whether <paramref name="uri"/> is an http(s) URL on an allowed host.</summary>
    public bool Allows(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var authority = uri.Authority.ToLowerInvariant();
        return _entries.Exists(entry => entry.StartsWith("*.", StringComparison.Ordinal)
            ? authority.Length > entry.Length - 1 && authority.EndsWith(entry[1..], StringComparison.Ordinal)
            : authority == entry);
    }
}
