using System.Diagnostics;

namespace Greenroom.Bench.Reporting;

/// <summary>The commit the run measured (<c>git rev-parse --short HEAD</c>), marked <c>-dirty</c> with uncommitted changes.</summary>
internal static class GitCommit
{
    public static async Task<string> DescribeAsync(string? repository, CancellationToken cancellationToken)
    {
        if (repository is null)
        {
            return "unknown";
        }

        var commit = await GitAsync(repository, cancellationToken, "rev-parse", "--short", "HEAD");
        if (string.IsNullOrEmpty(commit))
        {
            return "unknown";
        }

        var changes = await GitAsync(repository, cancellationToken, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrEmpty(changes) ? commit : commit + "-dirty";
    }

    private static async Task<string?> GitAsync(string repository, CancellationToken cancellationToken, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine.
            return null;
        }
    }
}
