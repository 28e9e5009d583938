using Greenroom.Server.Tests.Infrastructure;
using Greenroom.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Greenroom.Server.Tests.Hosting;

public sealed class SqliteConfigurationTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public async Task Store_tuning_is_read_from_configuration_while_the_file_follows_the_data_directory()
    {
        await using var factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Sqlite:ReaderCacheSizeKiB"] = "1024",
            ["Greenroom:Sqlite:PageSizeBytes"] = "8192",
            ["Greenroom:Sqlite:MaxPooledReaders"] = "4",
            ["Greenroom:Sqlite:DatabasePath"] = "elsewhere.db",
        });

        var options = factory.Services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal(1024, options.ReaderCacheSizeKiB);
        Assert.Equal(8192, options.PageSizeBytes);
        Assert.Equal(4, options.MaxPooledReaders);
        Assert.Equal("greenroom.db", Path.GetFileName(options.DatabasePath));
    }
}
