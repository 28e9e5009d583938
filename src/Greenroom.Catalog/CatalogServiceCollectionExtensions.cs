using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Stitching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the catalog engine (ingestion, stitching, refresh loop). The host registers an <c>ICatalogStore</c>.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Greenroom.Catalog.ICatalogOperations"/>, the refresh background service, <see cref="CatalogProgress"/>
    /// and <see cref="CatalogMetrics"/>, with <see cref="CatalogOptions"/> (<c>Greenroom:Catalog</c>) and
    /// <see cref="ReadingOptions"/> (<c>Greenroom:Reading</c>) bound from <paramref name="configuration"/> and validated at start.
    /// </summary>
    public static IServiceCollection AddGreenroomCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ReadingOptions>().Bind(configuration.GetSection(ReadingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadingOptions>, ReadingOptionsValidator>());

        // Redirects are followed by the reader itself so that every hop is checked against the allow-list.
        services.AddHttpClient(UrlSourceReader.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogPaths>();
        services.TryAddSingleton<FileSourceReader>();
        services.TryAddSingleton<UrlSourceReader>();
        services.TryAddSingleton<SourceReader>();
        services.TryAddSingleton(sp => new DescriptorParser(sp.GetRequiredService<IOptions<ReadingOptions>>().Value.ToDescriptorLimits()));
        services.TryAddSingleton(sp => new EntityValidator(ToRules(sp.GetRequiredService<IOptions<CatalogOptions>>().Value)));
        services.TryAddSingleton<PlaceholderResolver>();
        services.TryAddSingleton<ProcessedFileCache>();
        services.TryAddSingleton<LocationPassReader>();
        services.TryAddSingleton<LocationIngestor>();
        services.TryAddSingleton<Stitcher>();
        services.TryAddSingleton<CatalogProgress>();
        services.TryAddSingleton<CatalogMetrics>();
        services.TryAddSingleton<Greenroom.Catalog.CatalogEngine>();
        services.TryAddSingleton<Greenroom.Catalog.ICatalogOperations>(sp => sp.GetRequiredService<Greenroom.Catalog.CatalogEngine>());
        services.TryAddSingleton<Greenroom.Plugins.Catalog.ICatalogReader, Greenroom.Catalog.Plugins.StoreCatalogReader>();
        services.TryAddSingleton<Greenroom.Plugins.Catalog.ICatalogActivity>(sp => sp.GetRequiredService<CatalogProgress>());
        services.TryAddSingleton<Greenroom.Plugins.Catalog.ICatalogRegistrar, Greenroom.Catalog.Plugins.OperationsCatalogRegistrar>();
        services.AddHostedService<CatalogRefreshService>();
        return services;
    }

    /// <summary>Maps Backstage-style rules to the validator's extra kinds and apiVersions.</summary>
    internal static CatalogRules ToRules(CatalogOptions options) => new()
    {
        AllowedKinds = options.Rules.SelectMany(r => r.Allow).Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        AllowedApiVersions = options.Rules.SelectMany(r => r.ApiVersions).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList(),
    };
}
