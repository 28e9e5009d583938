using System.Diagnostics;
using System.Text;

namespace Greenroom.Scaffolder.Actions;

/// <summary>
/// Runs the <c>git</c> CLI with a fixed argument list (never a shell), no hooks, no user or system configuration and no
/// prompts. A token travels in the environment as an HTTP header, so it appears in no argument, URL or message.
/// </summary>
internal static class GitCommand
{
    public static async Task<string> RunAsync(
        string workingDirectory, string gitDir, IReadOnlyList<string> arguments, string? token, CancellationToken cancellationToken, bool withWorkTree = true)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] tree = withWorkTree ? ["--work-tree", workingDirectory] : [];
        foreach (var argument in (string[])["--git-dir", gitDir, .. tree, "-c", "core.hooksPath=/dev/null", "-c", "init.defaultBranch=main", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["HOME"] = gitDir;
        if (!string.IsNullOrEmpty(token))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{token}"));
            start.Environment["GIT_CONFIG_COUNT"] = "1";
            start.Environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            start.Environment["GIT_CONFIG_VALUE_0"] = $"Authorization: Basic {basic}";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        using var registration = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        });
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments[0]} failed (exit {process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()}");
        }

        return (await output.ConfigureAwait(false)).Trim();
    }
}
