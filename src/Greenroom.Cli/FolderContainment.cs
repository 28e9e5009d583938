namespace Greenroom.Cli;

/// <summary>Whether a path lies inside a folder, decided on normalised absolute paths (so <c>a/../../b</c> is caught).</summary>
internal static class FolderContainment
{
    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return !Path.IsPathRooted(relative)
            && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
