using Greenroom.Scaffolder.Tasks;
using Greenroom.Storage.Sqlite.Scaffolder;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Storage.Sqlite;

/// <summary>Registers the SQLite implementation of the scaffolder's task store.</summary>
public static class SqliteScaffolderServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SqliteScaffolderTaskStore"/> over the catalog's SQLite database (register that first).</summary>
    public static IServiceCollection AddSqliteScaffolderTaskStore(this IServiceCollection services)
    {
        services.AddSingleton<IScaffolderTaskStore>(sp => new SqliteScaffolderTaskStore(sp.GetRequiredService<SqliteCatalogStore>()));
        return services;
    }
}
