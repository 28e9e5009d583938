namespace Greenroom.Catalog.Options;

/// <summary>The shape rules for a location's type and target, shared by configuration validation and the API.</summary>
internal static class LocationTargetRules
{
    /// <summary>The problem with a type/target pair (the key at fault and a message), or null when it is well formed.</summary>
    public static (string Key, string Message)? Check(string? type, string? target)
    {
        if (type is not ("file" or "url"))
        {
            return ("Type", $"must be 'file' or 'url', got '{type}'");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            return ("Target", "must not be empty");
        }

        if (type == "url")
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return ("Target", $"must be an absolute http or https URL, got '{target}'");
            }
        }
        else if (target.Contains('\0', StringComparison.Ordinal))
        {
            return ("Target", "must be a file path or glob");
        }

        return null;
    }
}
