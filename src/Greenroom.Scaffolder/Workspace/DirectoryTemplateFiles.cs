using Greenroom.Plugins.Scaffolder;

namespace Greenroom.Scaffolder.Workspace;

/// <summary>A template's files on disk: everything under the template file's folder, nothing outside it.</summary>
public sealed class DirectoryTemplateFiles(string root, long maxFileBytes, int maxFiles) : ITemplateFiles
{
    /// <summary>The template's folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListFilesAsync(string relativeFolder, CancellationToken cancellationToken)
    {
        var folder = PathGuard.Resolve(Root, relativeFolder, "template path");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the template has no folder '{relativeFolder}'");
        }

        var files = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.LinkTarget is not null)
            {
                throw new UnauthorizedAccessException($"the template folder '{relativeFolder}' contains a symbolic link '{PathGuard.Relative(folder, entry.FullName)}', which is refused");
            }

            if (entry is FileInfo)
            {
                files.Add(PathGuard.Relative(folder, entry.FullName));
                if (files.Count > maxFiles)
                {
                    throw new IOException($"the template folder '{relativeFolder}' holds more than {maxFiles} files");
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(files);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = PathGuard.Resolve(Root, relativePath, "template path");
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"the template has no file '{relativePath}'");
        }

        if (info.Length > maxFileBytes)
        {
            throw new IOException($"the template file '{relativePath}' is {info.Length} bytes, over the {maxFileBytes}-byte limit");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
