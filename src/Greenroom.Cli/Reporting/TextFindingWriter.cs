namespace Greenroom.Cli.Reporting;

/// <summary>Compiler-style lines, <c>file:line:col: error: message (field)</c>, which editors and terminals turn into links.</summary>
internal sealed class TextFindingWriter(TextWriter output) : IFindingWriter
{
    /// <inheritdoc />
    public void Write(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var where = finding.Line is null ? finding.File
            : finding.Column is null ? $"{finding.File}:{finding.Line}"
            : $"{finding.File}:{finding.Line}:{finding.Column}";
        var severity = finding.Severity == FindingSeverity.Error ? "error" : "note";
        var field = finding.Field is null ? string.Empty : $" ({finding.Field})";
        output.WriteLine($"{where}: {severity}: {OneLine(finding.Message)}{field}");
    }

    /// <inheritdoc />
    public void WriteSummary(ValidationSummary summary) => output.WriteLine(summary.ToString());

    // A finding is one line so that tools reading file:line:col output see each as one.
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
