namespace Greenroom.Scaffolder;

/// <summary>Scaffolder settings, bound from <c>Greenroom:Scaffolder</c>.</summary>
public sealed class ScaffolderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom:Scaffolder";

    /// <summary>Where task workspaces are created (each deleted after its task); null uses the system temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Largest total size of a task workspace.</summary>
    public long MaxWorkspaceBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most files a task workspace may hold.</summary>
    public int MaxWorkspaceFiles { get; set; } = 10_000;

    /// <summary>Largest single file a template may ship or a step may write.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>A step running longer is cancelled and fails the task.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Folders under which <c>publish:git</c> may push to local (<c>file://</c> or path) remotes. Empty refuses every
    /// local remote: a template must not write into arbitrary folders of the server.
    /// </summary>
    public IList<string> LocalGitRoots { get; } = [];

    /// <summary>Prefixes of network remotes <c>publish:git</c> may push to (<c>https://git.example.com/</c>); empty refuses them all.</summary>
    public IList<string> AllowedGitRemotes { get; } = [];

    /// <summary>How many tasks run at once.</summary>
    public int MaxConcurrentTasks { get; set; } = 2;
}
