namespace Greenroom.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=...,line=...,col=...::message</c>), which GitHub shows as
/// annotations on the pull request's changed lines. The summary stays a plain line in the job log.
/// </summary>
internal sealed class GitHubFindingWriter(TextWriter output) : IFindingWriter
{
    /// <inheritdoc />
    public void Write(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var command = finding.Severity == FindingSeverity.Error ? "error" : "notice";
        var properties = new List<string> { $"file={Property(finding.File)}" };
        if (finding.Line is { } line)
        {
            properties.Add($"line={line}");
        }

        if (finding.Column is { } column)
        {
            properties.Add($"col={column}");
        }

        if (finding.Field is { } field)
        {
            properties.Add($"title={Property(field)}");
        }

        output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(finding.Message)}");
    }

    /// <inheritdoc />
    public void WriteSummary(ValidationSummary summary) => output.WriteLine(summary.ToString());

    // The escaping GitHub's runner expects: data may not hold line breaks or a bare '%'; properties also not ':' or ','.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
