namespace Greenroom.TechDocs;

/// <summary>How docs sites are read and built, section <c>Greenroom:TechDocs</c>.</summary>
public sealed class TechDocsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom:TechDocs";

    /// <summary>Largest single file (mkdocs.yml, a page, an image) read, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>Most Markdown pages in one site.</summary>
    public int MaxPages { get; set; } = 2_000;

    /// <summary>Most bytes read for one site, all files together.</summary>
    public long MaxSiteBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How often every documented entity's source is checked again (rebuilt only when its content hash changed).</summary>
    public TimeSpan RebuildInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Hosts url docs sources may be read from (<c>example.com</c>, <c>*.example.com</c>, <c>host:port</c>). The host
    /// adds the catalog's <c>Greenroom:Reading:AllowedHosts</c>, so docs can be read wherever descriptors can.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Timeout of one HTTP read.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
