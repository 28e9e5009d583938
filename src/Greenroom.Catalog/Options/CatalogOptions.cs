namespace Greenroom.Catalog.Options;

/// <summary>Catalog settings, section <c>Greenroom:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom:Catalog";

    /// <summary>Locations to ingest, kept in sync with the store at start.</summary>
    public List<LocationOptions> Locations { get; set; } = [];

    /// <summary>Time between full refresh passes (default 100 s, as Backstage).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Which kinds and apiVersions are accepted beyond the built-in ones (Backstage's <c>catalog.rules</c>).</summary>
    public List<CatalogRuleOptions> Rules { get; set; } = [];

    /// <summary>What happens to entities their location no longer produces.</summary>
    public OrphanStrategy OrphanStrategy { get; set; } = OrphanStrategy.Keep;

    /// <summary>The built-in demo catalog file, loaded into an empty catalog with no configured locations (set by the host).</summary>
    public string? DemoCatalogPath { get; set; }

    /// <summary>Whether file locations are watched so edits show up within about a second.</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// Entities per part when a pass is applied in parts as it is read (default 5,000): bounds what a large pass holds
    /// in memory. Smaller parts mean more store transactions.
    /// </summary>
    public int IngestionPartSize { get; set; } = 5000;

    /// <summary>The directory relative <c>file</c> targets resolve against; null means the host's content root.</summary>
    public string? BaseDirectory { get; set; }
}

/// <summary>One configured location.</summary>
public sealed class LocationOptions
{
    /// <summary><c>file</c> or <c>url</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>A path or glob (file) or an http(s) URL (url).</summary>
    public string Target { get; set; } = string.Empty;
}

/// <summary>One rule, Backstage-style: <c>{ Allow: [Component, API] }</c>; kinds outside the built-in set become accepted.</summary>
public sealed class CatalogRuleOptions
{
    /// <summary>Kinds allowed (case-insensitive); <c>*</c> allows any kind.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>apiVersions allowed for any kind (beyond the built-in ones); <c>*</c> allows any.</summary>
    public List<string> ApiVersions { get; set; } = [];
}

/// <summary>What to do with orphaned entities.</summary>
public enum OrphanStrategy
{
    /// <summary>Keep them, marked <c>backstage.io/orphan: "true"</c>, until deleted explicitly.</summary>
    Keep,

    /// <summary>Delete them at the end of the pass that orphaned them.</summary>
    Delete,
}
