namespace Greenroom.Cli.Reporting;

/// <summary>The totals of one validation run.</summary>
/// <param name="Files">Files read and checked (skipped ones not included).</param>
/// <param name="Entities">Entity documents found in them.</param>
/// <param name="Errors">Errors found.</param>
/// <param name="FilesWithErrors">Distinct files (or paths) with at least one error.</param>
/// <param name="Skipped">Files found in folders but skipped (unrendered template files).</param>
internal sealed record ValidationSummary(int Files, int Entities, int Errors, int FilesWithErrors, int Skipped)
{
    /// <summary>The summary as one line, e.g. <c>3 files, 7 entities: 2 errors in 1 file</c>.</summary>
    public override string ToString()
    {
        var outcome = Errors == 0 ? "no errors" : $"{Count(Errors, "error")} in {Count(FilesWithErrors, "file")}";
        var skipped = Skipped == 0 ? string.Empty : $" ({Skipped} skipped)";
        return $"{Count(Files, "file")}, {Count(Entities, "entity", "entities")}: {outcome}{skipped}";
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
