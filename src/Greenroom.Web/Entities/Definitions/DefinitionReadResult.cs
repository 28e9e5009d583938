namespace Greenroom.Web.Entities.Definitions;

/// <summary>A definition read for display, or the parser's message saying why it could not be.</summary>
public sealed record DefinitionReadResult<T>(T? Value, string? Error)
    where T : class
{
    /// <summary>A readable definition.</summary>
    public static DefinitionReadResult<T> Ok(T value) => new(value, null);

    /// <summary>A definition that could not be read, with the reason.</summary>
    public static DefinitionReadResult<T> Failed(string error) => new(null, error);
}
