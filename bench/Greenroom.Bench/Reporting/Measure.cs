namespace Greenroom.Bench.Reporting;

/// <summary>One line of the result table: a value, its unit, and the issue's target when there is one.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The number (null when it could not be measured).</param>
/// <param name="Unit">s, ms, MB, req/s, entities/s, count.</param>
/// <param name="Target">The target as text (e.g. "≤ 20 s"), or null.</param>
/// <param name="Met">Whether the target was met; null without a target or value.</param>
/// <param name="Note">Context: how it was measured, or why it is missing.</param>
internal sealed record Measure(string Name, double? Value, string Unit, string? Target, bool? Met, string? Note = null)
{
    /// <summary>A measure with an upper-bound target.</summary>
    public static Measure AtMost(string name, double? value, string unit, double limit, string? note = null) =>
        new(name, value, unit, $"≤ {Format(limit)} {unit}", value is { } v && !double.IsNaN(v) ? v <= limit : null, note);

    /// <summary>A measure with a lower-bound target.</summary>
    public static Measure AtLeast(string name, double? value, string unit, double limit, string? note = null) =>
        new(name, value, unit, $"≥ {Format(limit)} {unit}", value is { } v && !double.IsNaN(v) ? v >= limit : null, note);

    /// <summary>A measure that must equal an expected value.</summary>
    public static Measure Exactly(string name, double? value, string unit, double expected, string? note = null) =>
        new(name, value, unit, $"= {Format(expected)}", value is { } v ? v == expected : null, note);

    /// <summary>A number as the table shows it.</summary>
    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
    };
}
