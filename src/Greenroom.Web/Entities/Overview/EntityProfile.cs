using System.Text.Json.Nodes;
using Greenroom.Web.Shared;

namespace Greenroom.Web.Entities.Overview;

/// <summary>A group's or user's <c>spec.profile</c>: display name, email and picture (the picture only when it is a safe URL).</summary>
public sealed record EntityProfile(string DisplayName, string? Email, string? Picture)
{
    /// <summary>Reads the profile of <paramref name="entity"/>; the display name falls back to the title, then the name.</summary>
    public static EntityProfile Of(EntityView entity)
    {
        var profile = entity.Spec["profile"] as JsonObject;
        string? Text(string field) => profile?[field] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        var picture = SafeUrl.Link(Text("picture"));
        return new EntityProfile(
            Text("displayName") ?? entity.DisplayName,
            Text("email"),
            picture is not null && picture.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? null : picture);
    }

    /// <summary>A <c>mailto:</c> link for the email, or null when there is none or it would not be a plain address.</summary>
    public string? MailTo => Email is not null && !Email.Contains(':', StringComparison.Ordinal) && Email.Contains('@', StringComparison.Ordinal)
        ? SafeUrl.Link("mailto:" + Email)
        : null;
}
