using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Greenroom.Search;
using Greenroom.Search.Collators;
using Greenroom.Search.Engine;
using Greenroom.Search.Indexing;
using Greenroom.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers search: the Lucene engine, the catalog and template collators, the change queue and the indexer.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISearchEngine"/> (Lucene, on disk at <see cref="SearchOptions.IndexPath"/>), the
    /// <c>software-catalog</c> and <c>software-templates</c> collators, an <see cref="ICatalogChangeListener"/> and an
    /// <see cref="ISearchIndexQueue"/> feeding the background indexer, with <see cref="SearchOptions"/>
    /// (<c>Greenroom:Search</c>) bound and validated at start. Other features add collators with
    /// <see cref="AddSearchCollator{T}"/>. The host provides an <see cref="ICatalogReader"/>.
    /// </summary>
    public static IServiceCollection AddGreenroomSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISearchEngine, LuceneSearchEngine>();
        services.AddSearchCollator<CatalogSearchCollator>();
        services.AddSearchCollator<TemplateSearchCollator>();
        services.TryAddSingleton(sp => new SearchWorkQueue(
            sp.GetServices<ISearchCollator>(), sp.GetRequiredService<IOptions<SearchOptions>>().Value.FullCollationThreshold));
        services.AddSingleton<ICatalogChangeListener>(sp => sp.GetRequiredService<SearchWorkQueue>());
        services.TryAddSingleton<ISearchIndexQueue>(sp => sp.GetRequiredService<SearchWorkQueue>());
        services.TryAddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.TryAddSingleton<ISearchStatus>(sp => new IndexerSearchStatus(sp.GetRequiredService<SearchIndexer>()));
        return services;
    }

    /// <summary>Adds a collator whose documents the index holds and follows.</summary>
    public static IServiceCollection AddSearchCollator<T>(this IServiceCollection services)
        where T : class, ISearchCollator
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchCollator, T>());
        return services;
    }

    private sealed class IndexerSearchStatus(SearchIndexer indexer) : ISearchStatus
    {
        public string State => indexer.State;

        public Task<SearchIndexStatus> GetAsync(CancellationToken cancellationToken) => indexer.GetStatusAsync(cancellationToken);
    }
}
