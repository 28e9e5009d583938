namespace Greenroom.Cli.Reporting;

/// <summary>Writes findings and the closing summary in one output format.</summary>
internal interface IFindingWriter
{
    /// <summary>Writes one finding.</summary>
    void Write(Finding finding);

    /// <summary>Writes the closing summary line.</summary>
    void WriteSummary(ValidationSummary summary);
}
