using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Workspace;

/// <summary>A task's working directory with its limits; deleted on dispose.</summary>
public sealed class TaskWorkspace : IScaffolderWorkspace, IDisposable
{
    private readonly ScaffolderOptions _options;

    /// <summary>Creates an empty workspace folder under <see cref="ScaffolderOptions.WorkDirectory"/>.</summary>
    public TaskWorkspace(ScaffolderOptions options, string taskId)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var parent = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "greenroom-scaffolder");
        Root = Path.GetFullPath(Path.Combine(parent, $"{taskId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(Root);
    }

    /// <inheritdoc />
    public string Root { get; }

    /// <inheritdoc />
    public string Resolve(string relativePath) => PathGuard.Resolve(Root, relativePath, "workspace path");

    /// <inheritdoc />
    public async Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = Resolve(relativePath);
        if (content.Length > _options.MaxFileBytes)
        {
            throw new IOException($"'{relativePath}' would be {content.Length} bytes, over the {_options.MaxFileBytes}-byte file limit");
        }

        var (files, bytes) = Measure();
        var existing = new FileInfo(path);
        var newFiles = files + (existing.Exists ? 0 : 1);
        var newBytes = bytes - (existing.Exists ? existing.Length : 0) + content.Length;
        if (newFiles > _options.MaxWorkspaceFiles)
        {
            throw new IOException($"writing '{relativePath}' would exceed the workspace limit of {_options.MaxWorkspaceFiles} files");
        }

        if (newBytes > _options.MaxWorkspaceBytes)
        {
            throw new IOException($"writing '{relativePath}' would exceed the workspace limit of {_options.MaxWorkspaceBytes} bytes");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListFiles(string relativeFolder = ".")
    {
        var folder = Resolve(relativeFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !IsUnderGitFolder(folder, f))
            .Select(f => PathGuard.Relative(folder, f))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsUnderGitFolder(string root, string file) =>
        PathGuard.Relative(root, file).Split('/')[0] == ".git";

    /// <summary>
    /// Checks the whole workspace after a step: no symlinks (a step could have created one through git or a tool), and
    /// within the file-count and size limits. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public void EnsureWithinLimits()
    {
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry.LinkTarget is not null)
            {
                throw new UnauthorizedAccessException($"the workspace contains a symbolic link '{PathGuard.Relative(Root, entry.FullName)}', which is refused");
            }
        }

        var (files, bytes) = Measure();
        if (files > _options.MaxWorkspaceFiles)
        {
            throw new IOException($"the workspace holds {files} files, over the limit of {_options.MaxWorkspaceFiles}");
        }

        if (bytes > _options.MaxWorkspaceBytes)
        {
            throw new IOException($"the workspace holds {bytes} bytes, over the limit of {_options.MaxWorkspaceBytes}");
        }
    }

    private (int Files, long Bytes) Measure()
    {
        var files = 0;
        long bytes = 0;
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            files++;
            bytes += file.Length;
        }

        return (files, bytes);
    }

    /// <summary>Deletes the workspace folder.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                // git marks its objects read-only; clear that so the delete succeeds everywhere.
                foreach (var file in Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a folder still in use is left for the next start-up sweep rather than failing the task.
        }
    }
}
