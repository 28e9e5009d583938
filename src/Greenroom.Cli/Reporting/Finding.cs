namespace Greenroom.Cli.Reporting;

/// <summary>How much a finding matters: errors fail the run, notices only inform.</summary>
internal enum FindingSeverity
{
    /// <summary>Fails the run (exit code 1).</summary>
    Error,

    /// <summary>Worth knowing, never fails the run (a file skipped, say).</summary>
    Notice,
}

/// <summary>One thing to tell about one file, with where it is (1-based line and column, when known) and the field it concerns.</summary>
internal sealed record Finding(FindingSeverity Severity, string File, int? Line, int? Column, string Message, string? Field = null);
