namespace Greenroom.Plugins.Scaffolder;

/// <summary>
/// The task's working directory. Every path is relative to it; <c>..</c>, absolute paths and symlinks are refused,
/// and the size and file-count limits hold for every write.
/// </summary>
public interface IScaffolderWorkspace
{
    /// <summary>The absolute path of the workspace root.</summary>
    string Root { get; }

    /// <summary>
    /// The absolute path of <paramref name="relativePath"/> inside the workspace; throws
    /// <see cref="UnauthorizedAccessException"/> when it would leave it (<c>..</c>, absolute, through a symlink).
    /// </summary>
    string Resolve(string relativePath);

    /// <summary>Writes a file (creating folders), within the limits; throws <see cref="IOException"/> past a limit.</summary>
    Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Every file in the workspace, as relative paths with <c>/</c> separators, in ordinal order.</summary>
    IReadOnlyList<string> ListFiles(string relativeFolder = ".");
}
