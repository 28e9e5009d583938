using Greenroom.Catalog.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Ingestion;

/// <summary>Where relative file targets resolve: <see cref="CatalogOptions.BaseDirectory"/>, else the host's content root.</summary>
internal sealed class CatalogPaths(IOptions<CatalogOptions> options, IHostEnvironment? environment = null)
{
    /// <summary>The absolute base directory.</summary>
    public string BaseDirectory { get; } = Path.GetFullPath(
        options.Value.BaseDirectory ?? environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
}
