namespace Greenroom.Bench.Measures;

/// <summary>Median, p95 and p99 (nearest rank) of request durations in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double Median, double P95, double P99, double Max)
{
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
