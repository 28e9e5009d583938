namespace Greenroom.Cli.Validation;

/// <summary>A descriptor file to validate.</summary>
/// <param name="FullPath">Absolute path of the file.</param>
/// <param name="Root">Folder its placeholders (<c>$text</c>, <c>$json</c>, <c>$yaml</c>) may read from.</param>
/// <param name="Named">True when the file was named on the command line rather than found in a folder.</param>
internal sealed record DescriptorFile(string FullPath, string Root, bool Named);
