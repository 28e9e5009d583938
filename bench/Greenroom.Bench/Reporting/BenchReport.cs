namespace Greenroom.Bench.Reporting;

/// <summary>Everything one run produced: where it ran, on what, and the measures in table order.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    int Cores,
    string Os,
    string Commit,
    int Entities,
    string LocationLayout,
    string Catalog,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<string> Notes);
