using System.Text.Json.Nodes;
using Greenroom.Plugins.Scaffolder;
using Microsoft.Extensions.Options;

namespace Greenroom.Scaffolder.Actions;

/// <summary>
/// <c>publish:git</c>: commits the workspace (or a folder of it) and pushes it to a git remote with the <c>git</c> CLI.
/// Local remotes must lie under <see cref="ScaffolderOptions.LocalGitRoots"/> and network remotes must match
/// <see cref="ScaffolderOptions.AllowedGitRemotes"/>: a template never chooses where the server writes.
/// </summary>
public sealed class PublishGitAction(IOptions<ScaffolderOptions> options) : IScaffolderAction
{
    /// <inheritdoc />
    public string Id => "publish:git";

    /// <inheritdoc />
    public string Description => "Initializes a git repository from the workspace, commits it and pushes it to a remote.";

    /// <inheritdoc />
    public JsonObject InputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "required": ["remoteUrl"], "properties": {
          "remoteUrl": {"type": "string", "title": "The git remote: file:// URL, local path or an allowed https URL."},
          "defaultBranch": {"type": "string", "title": "Branch to push; defaults to main."},
          "sourcePath": {"type": "string", "title": "Folder of the workspace to publish; defaults to all of it."},
          "gitCommitMessage": {"type": "string", "title": "Defaults to 'Initial commit'."},
          "gitAuthorName": {"type": "string"},
          "gitAuthorEmail": {"type": "string"},
          "token": {"title": "Token for an https remote (secret)."}}}
        """);

    /// <inheritdoc />
    public JsonObject OutputSchema { get; } = ActionInput.Schema("""
        {"type": "object", "properties": {"remoteUrl": {"type": "string"}, "repoContentsUrl": {"type": "string"}, "commitHash": {"type": "string"}}}
        """);

    /// <inheritdoc />
    public IReadOnlySet<string> SecretInputs { get; } = new HashSet<string>(["token"]);

    /// <inheritdoc />
    public bool SupportsDryRun => true;

    /// <inheritdoc />
    public async Task HandleAsync(IScaffolderActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = Rewrite(context.Input.String("remoteUrl")!);
        var branch = context.Input.String("defaultBranch") ?? "main";
        context.Output("remoteUrl", remote);
        context.Output("repoContentsUrl", remote);
        if (context.IsDryRun)
        {
            // A dry run shows what would happen, so a refused remote is reported rather than ending the run.
            try
            {
                CheckRemoteAllowed(remote);
                context.Log($"Dry run: would push to {remote} ({branch})");
            }
            catch (UnauthorizedAccessException e)
            {
                context.Log($"Dry run: the push would be refused: {e.Message}");
            }

            return;
        }

        var localRemote = CheckRemoteAllowed(remote);
        var source = context.Workspace.Resolve(context.Input.String("sourcePath") ?? ".");
        var gitDir = Path.Combine(Path.GetTempPath(), "greenroom-git", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(gitDir);
        try
        {
            var token = context.GetSecret("token");
            var ct = context.CancellationToken;
            if (localRemote is not null && !Directory.Exists(localRemote))
            {
                // A local remote under the allowed roots is created on first push, as a hosted one would be.
                Directory.CreateDirectory(localRemote);
                await GitCommand.RunAsync(localRemote, localRemote, ["init", "--bare", "--quiet", "--template="], null, ct, withWorkTree: false).ConfigureAwait(false);
            }

            await GitCommand.RunAsync(source, gitDir, ["init", "--quiet", "--template="], null, ct).ConfigureAwait(false);
            await GitCommand.RunAsync(source, gitDir, ["checkout", "--quiet", "-b", branch], null, ct).ConfigureAwait(false);
            await GitCommand.RunAsync(source, gitDir, ["add", "--all"], null, ct).ConfigureAwait(false);
            await GitCommand.RunAsync(source, gitDir,
            [
                "-c", $"user.name={context.Input.String("gitAuthorName") ?? "Greenroom"}",
                "-c", $"user.email={context.Input.String("gitAuthorEmail") ?? "scaffolder@greenroom.invalid"}",
                "commit", "--quiet", "--no-verify", "--allow-empty", "-m", context.Input.String("gitCommitMessage") ?? "Initial commit",
            ], null, ct).ConfigureAwait(false);
            var commit = await GitCommand.RunAsync(source, gitDir, ["rev-parse", "HEAD"], null, ct).ConfigureAwait(false);
            await GitCommand.RunAsync(source, gitDir, ["push", "--quiet", remote, $"HEAD:refs/heads/{branch}"], token, ct).ConfigureAwait(false);
            context.Output("commitHash", commit);
            context.Log($"Pushed {commit[..Math.Min(12, commit.Length)]} to {remote} ({branch})");
        }
        finally
        {
            DeleteQuietly(gitDir);
        }
    }

    private string Rewrite(string remote)
    {
        var rule = options.Value.GitRemoteRewrites
            .Where(r => r.From.Length > 0 && remote.StartsWith(r.From, StringComparison.Ordinal))
            .MaxBy(r => r.From.Length);
        return rule is null ? remote : rule.To + remote[rule.From.Length..];
    }

    /// <summary>Throws when the template may not push there; returns the local path of a local remote.</summary>
    private string? CheckRemoteAllowed(string remote)
    {
        var local = remote.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(remote).LocalPath
            : Path.IsPathRooted(remote) ? remote : null;
        if (local is not null)
        {
            var full = Path.GetFullPath(local);
            var allowed = options.Value.LocalGitRoots.Select(Path.GetFullPath)
                .Any(root => full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (!allowed)
            {
                throw new UnauthorizedAccessException(
                    $"publish:git may not push to the local remote '{remote}': it is not under Greenroom:Scaffolder:LocalGitRoots");
            }

            return full;
        }

        if (!remote.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || !options.Value.AllowedGitRemotes.Any(prefix => remote.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UnauthorizedAccessException(
                $"publish:git may not push to '{remote}': only https remotes listed in Greenroom:Scaffolder:AllowedGitRemotes are allowed");
        }

        return null;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary git folder left behind holds no secret (the token never touched disk).
        }
    }
}
