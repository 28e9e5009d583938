namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>Bounds on what one descriptor file may cost to read; each breach is a clear error, never a crash.</summary>
public sealed record DescriptorLimits
{
    /// <summary>Largest file accepted, in bytes (default 1 MiB).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Most YAML documents in one file.</summary>
    public int MaxDocuments { get; init; } = 10_000;

    /// <summary>Most alias (<c>*name</c>) expansions in one file, so a "billion laughs" file fails fast.</summary>
    public int MaxAliasExpansions { get; init; } = 1_000;

    /// <summary>
    /// Most nodes copied by alias expansion in one file. Counting alias uses alone does not bound memory
    /// (one alias of a huge anchored sequence copies all of it), so the copied volume is bounded too.
    /// </summary>
    public long MaxAliasCopiedNodes { get; init; } = 100_000;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The defaults.</summary>
    public static DescriptorLimits Default { get; } = new();
}
