using System.Text;
using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Sources;

/// <summary>
/// A docs folder on disk. Every read is confined to <c>confinement</c> (the catalog location's folder) after
/// resolving symbolic links component by component, so neither <c>..</c> nor a link can reach outside it; listing
/// skips links and hidden files altogether.
/// </summary>
internal sealed class FileDocsSource : IDocsSource
{
    private const int MaxListedFiles = 100_000;

    private readonly string _root;
    private readonly string _realConfinement;
    private readonly ReadBudget _budget;

    public FileDocsSource(string root, string confinement, ReadBudget budget)
    {
        _root = Path.GetFullPath(root);
        _realConfinement = RealPath.Of(Path.GetFullPath(confinement));
        _budget = budget;
        Description = "file:" + _root;
        if (!RealPath.IsWithin(_realConfinement, RealPath.Of(_root)))
        {
            throw new DocsSourceException($"The docs folder {_root} is outside the location's folder {confinement}; reading it is refused");
        }
    }

    public string Description { get; }

    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var text = bytes.AsSpan();
        return Encoding.UTF8.GetString(text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? text[3..] : text);
    }

    public async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new DocsSourceException($"File not found: {path}", isNotFound: true);
        }

        _budget.CheckFile(path, info.Length);
        try
        {
            var bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
            // The file may have grown since the size check.
            _budget.CheckFile(path, bytes.Length);
            _budget.Spend(path, bytes.Length);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocsSourceException($"{path} cannot be read: {e.Message}", e is FileNotFoundException or DirectoryNotFoundException);
        }
    }

    public Task<IReadOnlyList<string>?> ListFilesAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Resolve(folder);
        if (!Directory.Exists(full))
        {
            throw new DocsSourceException($"Folder not found: {folder}", isNotFound: true);
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
            MaxRecursionDepth = 32,
        };
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(full, "*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (files.Count >= MaxListedFiles)
            {
                throw new DocsSourceException($"{folder} holds more than {MaxListedFiles} files");
            }

            files.Add(Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/'));
        }

        files.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>?>(files);
    }

    private string Resolve(string path)
    {
        var relative = DocsPaths.Combine(string.Empty, path)
            ?? throw new DocsSourceException($"'{path}' leaves the docs folder; reading it is refused");
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!RealPath.IsWithin(_realConfinement, RealPath.Of(full)))
        {
            throw new DocsSourceException($"'{path}' resolves outside the location's folder (through a link); reading it is refused");
        }

        return full;
    }
}
