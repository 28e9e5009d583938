using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Greenroom.TechDocs;
using Greenroom.TechDocs.Building;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Search;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TechDocs: rendering, sources, the build queue and worker, the catalog listener and the search collator.</summary>
public static class TechDocsServiceCollectionExtensions
{
    /// <summary>
    /// Adds TechDocs with <see cref="TechDocsOptions"/> bound from <c>Greenroom:TechDocs</c> and validated at start. The
    /// host registers an <see cref="Greenroom.TechDocs.Storage.ITechDocsStore"/> and an
    /// <see cref="ICatalogReader"/>.
    /// </summary>
    public static IServiceCollection AddGreenroomTechDocs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TechDocsOptions>().Bind(configuration.GetSection(TechDocsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TechDocsOptions>, TechDocsOptionsValidator>());

        // Redirects are followed by the source itself so that every hop is checked against the allow-list.
        services.AddHttpClient(DocsSourceResolver.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HtmlSafety>();
        services.TryAddSingleton<MarkdownPageRenderer>();
        services.TryAddSingleton<DocsSiteRenderer>();
        services.TryAddSingleton(sp => new DocsSourceReader(sp.GetRequiredService<IOptions<TechDocsOptions>>().Value.MaxPages));
        services.TryAddSingleton<DocsSourceResolver>();
        services.TryAddSingleton<TechDocsBuildQueue>();
        services.TryAddSingleton<TechDocsBuilder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICatalogChangeListener, TechDocsChangeListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchCollator, TechDocsSearchCollator>());
        services.TryAddSingleton<TechDocsBuildWorker>();
        services.TryAddSingleton<ITechDocsWorkerStatus>(sp => sp.GetRequiredService<TechDocsBuildWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<TechDocsBuildWorker>());
        return services;
    }
}
