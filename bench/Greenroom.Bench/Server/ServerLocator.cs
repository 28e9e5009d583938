namespace Greenroom.Bench.Server;

/// <summary>
/// Finds the repository root and the published server (Release, ReadyToRun, as deployed); the bench never builds
/// anything itself.
/// </summary>
internal static class ServerLocator
{
    private const string ReleaseDll = "artifacts/server/Greenroom.Server.dll";

    /// <summary>The folder holding <c>Greenroom.slnx</c> above the current directory or this program, or null.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Greenroom.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    public static string ServerDll(string? explicitPath)
    {
        var path = explicitPath is not null
            ? Path.GetFullPath(explicitPath)
            : RepositoryRoot() is { } root ? Path.Combine(root, ReleaseDll) : Path.GetFullPath(ReleaseDll);
        return File.Exists(path)
            ? path
            : throw new BenchException(
                $"Server build not found at {path}. Publish it first: dotnet publish src/Greenroom.Server -c Release -o artifacts/server (or pass --server-dll).");
    }
}
