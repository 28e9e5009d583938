using Greenroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Greenroom.Server.Tests.Hosting;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    private string StartFailure(Dictionary<string, string?> settings)
    {
        var factory = new GreenroomAppFactory(_catalog, settings);
        try
        {
            Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var critical = factory.Logs.Entries.Where(e => e.Level == LogLevel.Critical).Select(e => e.Message).ToList();
            Assert.NotEmpty(critical);
            Assert.All(critical, m => Assert.StartsWith("Greenroom cannot start, the configuration is invalid: ", m, StringComparison.Ordinal));
            return string.Join('\n', critical);
        }
        finally
        {
            try
            {
                factory.Dispose();
            }
            catch (Exception e) when (e is ArgumentNullException or ObjectDisposedException)
            {
                // WebApplicationFactory cannot stop a host that never started; there is nothing left to stop.
            }
        }
    }

    [Fact]
    public void A_data_directory_that_is_a_file_stops_the_host_with_a_readable_message()
    {
        var file = Path.Combine(_catalog.Root, "not-a-directory");
        File.WriteAllText(file, "x");

        var message = StartFailure(new() { ["Greenroom:DataDirectory"] = file });

        Assert.Contains("Greenroom:DataDirectory", message, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_location_type_stops_the_host_naming_the_key()
    {
        var message = StartFailure(new() { ["Greenroom:Catalog:Locations:0:Type"] = "ftp" });

        Assert.Contains("Greenroom:Catalog:Locations:0:Type", message, StringComparison.Ordinal);
        Assert.Contains("'ftp'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_configuration_problem_is_reported_at_once()
    {
        var file = Path.Combine(_catalog.Root, "not-a-directory");
        File.WriteAllText(file, "x");

        var message = StartFailure(new()
        {
            ["Greenroom:DataDirectory"] = file,
            ["Greenroom:Catalog:Locations:0:Type"] = "ftp",
            ["Greenroom:Reading:AllowedHosts:0"] = "not a host/",
        });

        Assert.Contains("Greenroom:DataDirectory", message, StringComparison.Ordinal);
        Assert.Contains("Greenroom:Catalog:Locations:0:Type", message, StringComparison.Ordinal);
        Assert.Contains("Greenroom:Reading:AllowedHosts:0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_directory_is_created()
    {
        var nested = Path.Combine(_catalog.Root, "a", "b", "data");

        using var factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?> { ["Greenroom:DataDirectory"] = nested });
        using var client = factory.CreateClient();

        Assert.True(File.Exists(Path.Combine(nested, "greenroom.db")) || Directory.Exists(nested));
    }
}
