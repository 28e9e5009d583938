namespace Greenroom.Web.Shared;

/// <summary>Icons for entity links, from Backstage's icon names or the URL when none is given.</summary>
public static class LinkIcons
{
    /// <summary>A short symbol for the link: plain text characters common fonts have, so no icon font or emoji font is needed.</summary>
    public static string For(string? icon, string? type, string url)
    {
        var key = (icon ?? type ?? string.Empty).ToLowerInvariant();
        if (key.Length == 0)
        {
            key = url.Contains("github", StringComparison.OrdinalIgnoreCase) ? "github"
                : url.Contains("slack", StringComparison.OrdinalIgnoreCase) ? "chat"
                : url.Contains("grafana", StringComparison.OrdinalIgnoreCase) || url.Contains("dashboard", StringComparison.OrdinalIgnoreCase) ? "dashboard"
                : "web";
        }

        return key switch
        {
            "github" or "gitlab" or "code" or "source" => "⌨",
            "dashboard" or "grafana" or "metrics" => "▤",
            "chat" or "slack" or "message" => "✎",
            "docs" or "documentation" or "book" => "¶",
            "email" or "mail" => "✉",
            "alert" or "pagerduty" or "oncall" => "⚠",
            "group" or "team" => "☺",
            "user" or "person" => "☺",
            "catalog" => "☰",
            "help" => "?",
            _ => "↗",
        };
    }
}
