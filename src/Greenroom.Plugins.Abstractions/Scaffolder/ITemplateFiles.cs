namespace Greenroom.Plugins.Scaffolder;

/// <summary>Read-only access to a template's own files, bounded to the template's folder and the reading limits.</summary>
public interface ITemplateFiles
{
    /// <summary>
    /// Files under <paramref name="relativeFolder"/> (relative to the template file's folder), as paths relative to that
    /// folder with <c>/</c> separators, in ordinal order. Throws <see cref="UnauthorizedAccessException"/> for a path
    /// that leaves the template's folder and <see cref="DirectoryNotFoundException"/> when it does not exist.
    /// </summary>
    Task<IReadOnlyList<string>> ListFilesAsync(string relativeFolder, CancellationToken cancellationToken);

    /// <summary>The bytes of one file, relative to the template file's folder, within the size limit.</summary>
    Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken);
}
