namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// A value during evaluation, with a taint bit: anything computed from a secret (through a filter, an operator, a
/// member access, a condition) is itself secret. This is how secrets are kept out of logs and outputs by design: the
/// runner refuses a secret result wherever it is not an action input declared secret, whatever was done to it.
/// </summary>
/// <param name="Value">null, <see cref="Undefined"/>, bool, double, string, <c>List&lt;object?&gt;</c> or <c>OrderedDictionary&lt;string, object?&gt;</c>.</param>
/// <param name="Secret">True when the value was derived from a secret.</param>
public readonly record struct TemplateValue(object? Value, bool Secret)
{
    /// <summary>The undefined, untainted value.</summary>
    public static TemplateValue Undefined { get; } = new(Templating.Undefined.Value, false);

    /// <summary>True when the value is <see cref="Templating.Undefined"/>.</summary>
    public bool IsUndefined => Value is Undefined;
}
