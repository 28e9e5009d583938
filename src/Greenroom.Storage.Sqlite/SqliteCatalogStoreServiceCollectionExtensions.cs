using Greenroom.Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Storage.Sqlite;

/// <summary>Registers the embedded SQLite store as the catalog's <see cref="ICatalogStore"/>.</summary>
public static class SqliteCatalogStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SqliteCatalogStore"/> as a singleton <see cref="ICatalogStore"/>, configured by
    /// <paramref name="configure"/> (which must set <see cref="SqliteStoreOptions.DatabasePath"/>).
    /// </summary>
    public static IServiceCollection AddSqliteCatalogStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "The SQLite store needs a DatabasePath (the database file).")
            .Validate(o => o.BusyTimeout > TimeSpan.Zero, "The SQLite store's BusyTimeout must be positive.")
            .Validate(o => o.MaxPooledReaders >= 0, "The SQLite store's MaxPooledReaders must not be negative.")
            .Validate(
                o => o.PageSizeBytes is >= 512 and <= 65536 && int.IsPow2(o.PageSizeBytes),
                "The SQLite store's PageSizeBytes must be a power of two from 512 to 65536.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SqliteCatalogStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetService<ILogger<SqliteCatalogStore>>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<SqliteCatalogStore>());
        return services;
    }
}
