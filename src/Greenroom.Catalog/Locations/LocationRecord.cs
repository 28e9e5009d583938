namespace Greenroom.Catalog.Locations;

/// <summary>Where a location was registered from.</summary>
public enum LocationOrigin
{
    /// <summary>From <c>Greenroom:Catalog:Locations</c>.</summary>
    Config,

    /// <summary>Registered through <c>POST /api/catalog/locations</c>.</summary>
    Api,

    /// <summary>The built-in demo organisation.</summary>
    Demo,
}

/// <summary>A location to register: <c>file</c> (path or glob) or <c>url</c>.</summary>
public sealed record LocationSpec(string Type, string Target, LocationOrigin Origin);

/// <summary>A registered location and its latest refresh outcome.</summary>
public sealed record LocationRecord(Guid Id, string Type, string Target, LocationOrigin Origin, DateTimeOffset CreatedAt, LocationStatus Status);

/// <summary>The outcome of a location's latest refresh.</summary>
/// <param name="State">pending, ok, warning (some entities failed) or failed (nothing could be read).</param>
/// <param name="LastRefreshAt">When it was last read, or null if never.</param>
/// <param name="EntityCount">Entities it produced on that pass.</param>
/// <param name="ErrorsJson">JSON array of problems (<c>{message, file, line, column, field, name}</c>), conflicts included.</param>
public sealed record LocationStatus(string State, DateTimeOffset? LastRefreshAt, int EntityCount, string ErrorsJson)
{
    /// <summary>A location never read yet.</summary>
    public static LocationStatus Pending { get; } = new("pending", null, 0, "[]");
}

/// <summary>Thrown when a location with the same type and target already exists.</summary>
public sealed class LocationConflictException(LocationRecord existing)
    : Exception($"Location {existing.Type}:{existing.Target} already exists")
{
    /// <summary>The location already registered.</summary>
    public LocationRecord Existing { get; } = existing;
}
