namespace Greenroom.Cli.Validation;

/// <summary>How <c>greenroom validate</c> prints its findings.</summary>
internal enum ReportFormat
{
    /// <summary><c>file:line:col: error: message (field)</c> lines.</summary>
    Text,

    /// <summary>GitHub Actions annotations (<c>::error file=...,line=...,col=...::message</c>).</summary>
    GitHub,
}
