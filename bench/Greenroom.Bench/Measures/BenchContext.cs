using Greenroom.Bench.Generation;
using Greenroom.Bench.Server;

namespace Greenroom.Bench.Measures;

/// <summary>What every measure needs: the running server, a client for it, the catalog and the run's bounds.</summary>
internal sealed record BenchContext(
    ServerProcess Server,
    CatalogClient Client,
    CatalogManifest Manifest,
    string CatalogDirectory,
    BenchArguments Arguments)
{
    /// <summary>The ref <c>POST /refresh</c> uses to trigger a full pass of the root location.</summary>
    public string RefreshRef => $"component:default/{Manifest.SampleComponent}";
}
