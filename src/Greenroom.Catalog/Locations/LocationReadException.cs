namespace Greenroom.Catalog.Locations;

/// <summary>A file or URL that could not be read (not found, not allowed, too large, unreachable).</summary>
/// <param name="message">What went wrong, naming the file or URL.</param>
/// <param name="name">Backstage error name: NotFoundError, NotAllowedError, InputError.</param>
public sealed class LocationReadException(string message, string name = "InputError") : Exception(message)
{
    /// <summary>Backstage error name.</summary>
    public string Name { get; } = name;
}
