using Greenroom.Bench.Measures;

namespace Greenroom.Bench.Tests.Measures;

public sealed class LatencyStatsTests
{
    [Fact]
    public void Takes_nearest_rank_percentiles_of_unsorted_samples()
    {
        var samples = Enumerable.Range(1, 200).Select(i => (double)(201 - i)).ToList();

        var stats = LatencyStats.From(samples);

        Assert.Equal((200, 100d, 190d, 198d, 200d), (stats.Count, stats.Median, stats.P95, stats.P99, stats.Max));
    }

    [Fact]
    public void Reports_no_numbers_for_no_samples() => Assert.True(double.IsNaN(LatencyStats.From([]).P95));
}
