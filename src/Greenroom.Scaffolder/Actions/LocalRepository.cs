namespace Greenroom.Scaffolder.Actions;

/// <summary>
/// A descriptor path inside a local bare repository (what <c>publish:git</c> reports for a local remote): the catalog
/// reads files, not git objects, so the repository's files are checked out to a folder it may read.
/// </summary>
internal static class LocalRepository
{
    /// <summary>The bare repository <paramref name="path"/> lies in, or null.</summary>
    public static string? Find(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "HEAD")) && Directory.Exists(Path.Combine(folder, "objects")) && Directory.Exists(Path.Combine(folder, "refs")))
            {
                return folder;
            }

            if (Directory.Exists(folder) && File.Exists(path))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Checks out HEAD of <paramref name="repository"/> and returns where <paramref name="path"/> is in the checkout.</summary>
    public static async Task<string> CheckOutAsync(string repository, string path, string? checkoutRoot, CancellationToken cancellationToken)
    {
        if (checkoutRoot is null)
        {
            throw new InvalidOperationException(
                $"'{repository}' is a local git repository; registering from it needs Greenroom:Scaffolder:CheckoutDirectory");
        }

        var name = Path.GetFileNameWithoutExtension(repository.TrimEnd(Path.DirectorySeparatorChar));
        var checkout = Path.Combine(Path.GetFullPath(checkoutRoot), $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(checkout);
        await GitCommand.RunAsync(checkout, repository, ["checkout", "--force", "HEAD", "--", "."], null, cancellationToken).ConfigureAwait(false);
        var relative = Path.GetRelativePath(repository, path);
        return Workspace.PathGuard.Resolve(checkout, relative, "workspace path");
    }
}
