namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// Marks a context entry whose value is secret (<c>secrets.*</c>, password parameters). Reading through it taints the
/// result; the wrapper itself never reaches output.
/// </summary>
internal sealed record SecretValue(object? Inner)
{
    public override string ToString() => "***";
}
