using Greenroom.Storage.Sqlite.TechDocs;
using Greenroom.TechDocs.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteTechDocsStore"/> over the catalog's SQLite store (add that first).</summary>
public static class SqliteTechDocsStoreServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SqliteTechDocsStore"/> as the <see cref="ITechDocsStore"/>.</summary>
    public static IServiceCollection AddSqliteTechDocsStore(this IServiceCollection services)
    {
        services.AddSingleton<ITechDocsStore>(sp => new SqliteTechDocsStore(sp.GetRequiredService<SqliteCatalogStore>()));
        return services;
    }
}
