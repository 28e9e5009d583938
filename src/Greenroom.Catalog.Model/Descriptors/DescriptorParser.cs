namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// Reads YAML (multi-document) or JSON descriptor text into entity documents, enforcing <see cref="DescriptorLimits"/>.
/// Pure: no file or network access; <c>$text</c>/<c>$json</c>/<c>$yaml</c> placeholders are left for the caller to resolve.
/// </summary>
public sealed class DescriptorParser(DescriptorLimits limits)
{
    /// <summary>The limits this parser enforces.</summary>
    public DescriptorLimits Limits { get; } = limits;

    /// <summary>Parses <paramref name="content"/>, naming <paramref name="file"/> in every position and problem.</summary>
    public DescriptorParseResult Parse(string content, string file) => throw new NotImplementedException();

    /// <summary>Parses a single YAML or JSON value (for <c>$yaml</c>/<c>$json</c> placeholders) into JSON.</summary>
    public DescriptorValueResult ParseValue(string content, string file) => throw new NotImplementedException();
}
