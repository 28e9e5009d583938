using Greenroom.Bench.Generation;

namespace Greenroom.Bench.Tests.Generation;

public sealed class KindCountsTests
{
    // Expected values are what the reference script's kind_counts returns for the same totals.
    [Theory]
    [InlineData(7, 1, 1, 1, 1, 1, 1, 1)]
    [InlineData(9, 1, 3, 1, 1, 1, 1, 1)]
    [InlineData(13, 2, 6, 1, 1, 1, 1, 1)]
    [InlineData(101, 15, 56, 1, 4, 10, 5, 10)]
    [InlineData(1001, 150, 551, 10, 40, 100, 50, 100)]
    [InlineData(12345, 1852, 6790, 123, 494, 1235, 617, 1234)]
    [InlineData(100000, 15000, 55000, 1000, 4000, 10000, 5000, 10000)]
    public void Splits_totals_per_kind_like_the_reference_script(int total, int api, int component, int domain, int group, int resource, int system, int user)
    {
        var counts = KindCounts.Split(total);

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["API"] = api, ["Component"] = component, ["Domain"] = domain, ["Group"] = group,
                ["Resource"] = resource, ["System"] = system, ["User"] = user,
            },
            counts);
        Assert.Equal(total, counts.Values.Sum());
    }
}
