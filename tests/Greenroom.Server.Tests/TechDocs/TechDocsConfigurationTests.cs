using Greenroom.Server.Tests.Infrastructure;
using Greenroom.TechDocs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Server.Tests.TechDocs;

public sealed class TechDocsConfigurationTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public async Task Docs_may_be_read_from_every_host_descriptors_may_be_read_from()
    {
        await using var factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Reading:AllowedHosts:0"] = "git.halyard.example",
            ["Greenroom:TechDocs:AllowedHosts:0"] = "docs.halyard.example",
        });

        var options = factory.Services.GetRequiredService<IOptions<TechDocsOptions>>().Value;

        Assert.Equal(["docs.halyard.example", "git.halyard.example"], options.AllowedHosts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_techdocs_limits_stop_the_host_naming_each_key()
    {
        var factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?>
        {
            ["Greenroom:TechDocs:MaxPages"] = "0",
            ["Greenroom:TechDocs:AllowedHosts:0"] = "https://with-scheme.example/",
        });
        try
        {
            Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var critical = string.Join('\n', factory.Logs.Entries.Where(e => e.Level == LogLevel.Critical).Select(e => e.Message));

            Assert.Contains("Greenroom:TechDocs:MaxPages must be positive", critical, StringComparison.Ordinal);
            Assert.Contains("Greenroom:TechDocs:AllowedHosts entry 'https://with-scheme.example/'", critical, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                factory.Dispose();
            }
            catch (Exception e) when (e is ArgumentNullException or ObjectDisposedException)
            {
                // A host that never started has nothing to stop.
            }
        }
    }
}
