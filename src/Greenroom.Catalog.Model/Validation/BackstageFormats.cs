namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// The field formats of Backstage's <c>KubernetesValidatorFunctions</c> and <c>CommonValidatorFunctions</c>,
/// written as character checks rather than regexes because they run for every entity on every refresh.
/// </summary>
public static class BackstageFormats
{
    /// <summary><c>[prefix/]suffix</c> with a DNS-subdomain prefix and a suffix of 1–63 <c>[a-zA-Z0-9]</c>.</summary>
    public static bool IsValidApiVersion(string value) =>
        IsValidPrefixAndOrSuffix(value, IsValidDnsSubdomain, static s => s.Length is >= 1 and <= 63 && s.All(char.IsAsciiLetterOrDigit));

    /// <summary>1–63 characters: a letter, then letters and digits.</summary>
    public static bool IsValidKind(string value) =>
        value.Length is >= 1 and <= 63 && char.IsAsciiLetter(value[0]) && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>1–63 characters of <c>[a-zA-Z0-9]</c> and <c>-_.</c>, starting and ending with a letter or digit.</summary>
    public static bool IsValidObjectName(string value)
    {
        if (value.Length is < 1 or > 63 || !char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A DNS label: 1–63 characters, runs of <c>[a-z0-9]</c> joined by single <c>-</c>.</summary>
    public static bool IsValidDnsLabel(string value) => IsValidDnsLabel(value.AsSpan());

    private static bool IsValidDnsLabel(ReadOnlySpan<char> value)
    {
        if (value.Length is < 1 or > 63)
        {
            return false;
        }

        var previousDash = true; // a leading dash is as bad as a double one
        foreach (var c in value)
        {
            if (c == '-')
            {
                if (previousDash)
                {
                    return false;
                }

                previousDash = true;
            }
            else if (char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))
            {
                previousDash = false;
            }
            else
            {
                return false;
            }
        }

        return !previousDash;
    }

    /// <summary>A DNS subdomain: 1–253 characters of dot-separated DNS labels.</summary>
    public static bool IsValidDnsSubdomain(string value)
    {
        if (value.Length is < 1 or > 253)
        {
            return false;
        }

        // Label by label without Split: this runs on every entity's apiVersion.
        foreach (var label in value.AsSpan().Split('.'))
        {
            if (!IsValidDnsLabel(value.AsSpan()[label]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A namespace is a DNS label.</summary>
    public static bool IsValidNamespace(string value) => IsValidDnsLabel(value);

    /// <summary><c>[dns-subdomain/]object-name</c>.</summary>
    public static bool IsValidLabelKey(string value) => IsValidPrefixAndOrSuffix(value, IsValidDnsSubdomain, IsValidObjectName);

    /// <summary>Empty, or an object name.</summary>
    public static bool IsValidLabelValue(string value) => value.Length == 0 || IsValidObjectName(value);

    /// <summary><c>[dns-subdomain/]object-name</c>.</summary>
    public static bool IsValidAnnotationKey(string value) => IsValidPrefixAndOrSuffix(value, IsValidDnsSubdomain, IsValidObjectName);

    /// <summary>1–63 characters: runs of <c>[a-z0-9:+#]</c> joined by single <c>-</c>.</summary>
    public static bool IsValidTag(string value)
    {
        if (value.Length is < 1 or > 63)
        {
            return false;
        }

        var previousDash = true;
        foreach (var c in value)
        {
            if (c == '-')
            {
                if (previousDash)
                {
                    return false;
                }

                previousDash = true;
            }
            else if (char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c is ':' or '+' or '#')
            {
                previousDash = false;
            }
            else
            {
                return false;
            }
        }

        return !previousDash;
    }

    /// <summary>An absolute URL (what the WHATWG <c>new URL(value)</c> accepts without a base, approximately).</summary>
    public static bool IsValidUrl(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out _);
    }

    /// <summary>A string with at least one non-whitespace character.</summary>
    public static bool IsNonEmptyString(string value) => !string.IsNullOrWhiteSpace(value);

    private static bool IsValidPrefixAndOrSuffix(string value, Func<string, bool> isValidPrefix, Func<string, bool> isValidSuffix)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return isValidSuffix(value);
        }

        if (value.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        return isValidPrefix(value[..slash]) && isValidSuffix(value[(slash + 1)..]);
    }
}
