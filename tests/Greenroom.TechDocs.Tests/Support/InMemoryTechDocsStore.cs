using System.Collections.Concurrent;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;

namespace Greenroom.TechDocs.Tests.Support;

/// <summary>An <see cref="ITechDocsStore"/> in memory, for builder and collator tests.</summary>
internal sealed class InMemoryTechDocsStore : ITechDocsStore
{
    private readonly ConcurrentDictionary<string, DocsSite> _sites = new();
    private readonly ConcurrentDictionary<string, DocsBuildStatus> _statuses = new();

    public int SaveCount { get; private set; }

    public Task SaveSiteAsync(DocsSite site, CancellationToken cancellationToken)
    {
        SaveCount++;
        _sites[site.EntityRef] = site;
        return Task.CompletedTask;
    }

    public Task<DocsSiteInfo?> GetSiteAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult(_sites.TryGetValue(entityRef, out var s) ? Info(s) : null);

    public Task<DocsPage?> GetPageAsync(string entityRef, string path, CancellationToken cancellationToken) =>
        Task.FromResult(_sites.TryGetValue(entityRef, out var s) ? s.Pages.FirstOrDefault(p => p.Path == path) : null);

    public Task<IReadOnlyList<DocsPage>> GetPagesAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DocsPage>>(_sites.TryGetValue(entityRef, out var s) ? [.. s.Pages.OrderBy(p => p.Path, StringComparer.Ordinal)] : []);

    public Task<DocsAsset?> GetAssetAsync(string entityRef, string path, CancellationToken cancellationToken) =>
        Task.FromResult(_sites.TryGetValue(entityRef, out var s) ? s.Assets.FirstOrDefault(a => a.Path == path) : null);

    public Task<IReadOnlyList<DocsSiteInfo>> ListSitesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DocsSiteInfo>>([.. _sites.Values.OrderBy(s => s.EntityRef, StringComparer.Ordinal).Select(Info)]);

    public Task<bool> DeleteAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult(_sites.TryRemove(entityRef, out _) | _statuses.TryRemove(entityRef, out _));

    public Task SetStatusAsync(DocsBuildStatus status, CancellationToken cancellationToken)
    {
        _statuses[status.EntityRef] = status;
        return Task.CompletedTask;
    }

    /// <summary>How often a status was read.</summary>
    public int StatusReads { get; private set; }

    public Task<DocsBuildStatus?> GetStatusAsync(string entityRef, CancellationToken cancellationToken)
    {
        StatusReads++;
        return Task.FromResult(_statuses.TryGetValue(entityRef, out var s) ? s : null);
    }

    public Task<IReadOnlyList<DocsBuildStatus>> ListStatusesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DocsBuildStatus>>([.. _statuses.Values.OrderBy(s => s.EntityRef, StringComparer.Ordinal)]);

    private static DocsSiteInfo Info(DocsSite s) =>
        new(s.EntityRef, s.SiteName, s.SiteDescription, s.Nav, s.Source, s.ContentHash, s.BuiltAt, s.Pages.Count);
}
