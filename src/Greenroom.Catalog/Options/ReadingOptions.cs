using Greenroom.Catalog.Model.Descriptors;

namespace Greenroom.Catalog.Options;

/// <summary>Limits and permissions for reading descriptor files and URLs, section <c>Greenroom:Reading</c>.</summary>
public sealed class ReadingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom:Reading";

    /// <summary>Hosts url locations and placeholders may read: <c>example.com</c>, <c>*.example.com</c>, <c>127.0.0.1:8080</c>.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Folders (absolute, or relative to the catalog's base directory) under which <c>file</c> locations may be
    /// registered or analysed through the API. Locations from configuration are not limited. Empty (the default): the
    /// API accepts only <c>url</c> locations, so no caller can make the server read arbitrary files on its disk.
    /// </summary>
    public List<string> AllowedFileRoots { get; set; } = [];

    /// <summary>Largest file or response accepted, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>Most YAML documents in one file.</summary>
    public int MaxDocuments { get; set; } = 10_000;

    /// <summary>Most alias expansions in one file ("billion laughs" guard).</summary>
    public int MaxAliasExpansions { get; set; } = 1_000;

    /// <summary>Most nodes copied by alias expansion in one file (one alias of a huge anchored node copies all of it).</summary>
    public long MaxAliasCopiedNodes { get; set; } = 100_000;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Deepest chain of nested Location entities.</summary>
    public int MaxLocationDepth { get; set; } = 32;

    /// <summary>Most files one root location (globs and nested locations included) may read in a pass.</summary>
    public int MaxFilesPerLocation { get; set; } = 250_000;

    /// <summary>Timeout of one HTTP read.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The parser limits these options describe.</summary>
    public DescriptorLimits ToDescriptorLimits() => new()
    {
        MaxFileBytes = MaxFileBytes,
        MaxDocuments = MaxDocuments,
        MaxAliasExpansions = MaxAliasExpansions,
        MaxAliasCopiedNodes = MaxAliasCopiedNodes,
        MaxDepth = MaxDepth,
    };
}
