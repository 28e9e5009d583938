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

    /// <summary>
    /// Remote URL prefixes <c>publish:git</c> rewrites before pushing, as git's <c>url.&lt;base&gt;.insteadOf</c> does:
    /// <c>https://github.com/</c> → <c>file:///srv/git/</c> lets a workstation or a test run golden paths against local
    /// bare repositories (created on first push when under <see cref="LocalGitRoots"/>).
    /// </summary>
    public IList<GitRemoteRewrite> GitRemoteRewrites { get; } = [];

    /// <summary>
    /// Where <c>catalog:register</c> checks out a local bare repository's files so the catalog can read them (the
    /// host adds this folder to the catalog's allowed file roots); null refuses to register from local repositories.
    /// </summary>
    public string? CheckoutDirectory { get; set; }

    /// <summary>How many tasks run at once.</summary>
    public int MaxConcurrentTasks { get; set; } = 2;
}

/// <summary>One remote URL rewrite: a remote starting with <see cref="From"/> is pushed to <see cref="To"/> plus the rest.</summary>
public sealed class GitRemoteRewrite
{
    /// <summary>The prefix to replace, <c>https://github.com/</c>.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>What replaces it, <c>file:///srv/git/</c>.</summary>
    public string To { get; set; } = string.Empty;
}
