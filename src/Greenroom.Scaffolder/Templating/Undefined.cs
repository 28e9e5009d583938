namespace Greenroom.Scaffolder.Templating;

/// <summary>The value of a name or member that does not exist: renders as empty text, drops a whole-value key.</summary>
public sealed class Undefined
{
    private Undefined()
    {
    }

    /// <summary>The one undefined value.</summary>
    public static Undefined Value { get; } = new();

    /// <inheritdoc />
    public override string ToString() => string.Empty;
}
