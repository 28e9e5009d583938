namespace Greenroom.Bench.Tests;

public sealed class BenchArgumentsTests
{
    [Fact]
    public void Reads_every_option()
    {
        var parsed = BenchArguments.Parse(["--entities", "1000", "--seed", "4", "--files", "3", "--location-layout", "per-file", "--requests", "250", "--server-dll", "x.dll"]);

        Assert.Equal((1000, 4, 3, true, 250, "x.dll"), (parsed.Entities, parsed.Seed, parsed.Files, parsed.PerFileLocations, parsed.Requests, parsed.ServerDll));
    }

    [Fact]
    public void Search_mode_needs_no_catalog_and_defaults_to_the_issues_scale()
    {
        var parsed = BenchArguments.Parse(["--search"]);
        var smaller = BenchArguments.Parse(["--search", "--entities", "1000", "--doc-pages", "50", "--warmup", "0"]);

        Assert.Equal((true, 100_000, 10_000, 400), (parsed.Search, parsed.Entities, parsed.DocPages, parsed.Warmup));
        Assert.Equal((1000, 50, 0), (smaller.Entities, smaller.DocPages, smaller.Warmup));
    }

    [Theory]
    [InlineData("--generate-only", "--entities", "10")]
    [InlineData("--entities", "6")]
    [InlineData("--entities", "100", "--requests", "199")]
    [InlineData("--entities", "100", "--location-layout", "nested")]
    [InlineData("--entities", "100", "--bogus")]
    [InlineData("--seed", "1")]
    [InlineData("--search", "--doc-pages", "-1")]
    public void Rejects_incomplete_or_out_of_range_arguments(params string[] args) =>
        Assert.Throws<BenchException>(() => BenchArguments.Parse(args));
}
