namespace Greenroom.Scaffolder.Workspace;

/// <summary>Resolves relative paths inside a root folder, refusing <c>..</c>, absolute paths and symlinks on the way.</summary>
internal static class PathGuard
{
    public static string Resolve(string root, string relativePath, string what)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var normalized = relativePath.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(relativePath) || (normalized.Length > 1 && normalized[1] == ':'))
        {
            throw new UnauthorizedAccessException($"{what} '{relativePath}' is absolute; only paths inside the {Describe(what)} are allowed");
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
        {
            throw new UnauthorizedAccessException($"{what} '{relativePath}' contains '..'; only paths inside the {Describe(what)} are allowed");
        }

        var full = Path.GetFullPath(Path.Combine([root, .. segments.Where(s => s != ".")]));
        var rootFull = Path.GetFullPath(root);
        if (full != rootFull && !full.StartsWith(rootFull.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"{what} '{relativePath}' leaves the {Describe(what)}");
        }

        // Every existing component must be a real folder or file: a symlink could point anywhere.
        var current = rootFull;
        foreach (var segment in segments.Where(s => s != "."))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if ((info.Exists ? info.LinkTarget : new DirectoryInfo(current).LinkTarget) is not null)
                {
                    throw new UnauthorizedAccessException($"{what} '{relativePath}' goes through a symbolic link, which is refused");
                }
            }
        }

        return full;
    }

    private static string Describe(string what) => what.StartsWith("template", StringComparison.Ordinal) ? "template's folder" : "task workspace";

    public static string Relative(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');
}
