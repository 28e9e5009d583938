namespace Greenroom.Catalog.Locations;

/// <summary>One readable source: an absolute file path (<c>file</c>) or an absolute URL (<c>url</c>).</summary>
/// <param name="Type"><c>file</c> or <c>url</c>.</param>
/// <param name="Target">The absolute path or URL.</param>
public readonly record struct SourceAddress(string Type, string Target)
{
    /// <summary>Whether this is a file.</summary>
    public bool IsFile => Type == "file";

    /// <summary>The <c>type:target</c> form used in the managed-by-location annotations.</summary>
    public override string ToString() => $"{Type}:{Target}";
}
