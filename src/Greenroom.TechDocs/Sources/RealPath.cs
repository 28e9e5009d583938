namespace Greenroom.TechDocs.Sources;

/// <summary>An absolute path with every symbolic link in it resolved, component by component (as realpath does).</summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The real form of an absolute path; components that do not exist are kept as written.</summary>
    public static string Of(string absolutePath)
    {
        var pending = new Stack<string>(Split(absolutePath).Reverse());
        var current = Path.GetPathRoot(absolutePath) ?? "/";
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, segment);
            FileSystemInfo? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget is null ? null : File.ResolveLinkTarget(next, returnFinalTarget: false);
            }
            catch (IOException)
            {
                // A broken or unreadable link: keep the name, reading it will fail on its own.
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new DocsSourceException($"Too many symbolic links in {absolutePath}");
            }

            // Re-walk the link's target (it may itself hold links), then the rest of the path.
            var linkTarget = Path.GetFullPath(target.FullName);
            foreach (var part in Split(linkTarget).Reverse())
            {
                pending.Push(part);
            }

            current = Path.GetPathRoot(linkTarget) ?? "/";
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsWithin(string root, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        return path == trimmed || path.StartsWith(trimmed.EndsWith(Path.DirectorySeparatorChar) ? trimmed : trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string[] Split(string path) =>
        path[(Path.GetPathRoot(path)?.Length ?? 0)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}
