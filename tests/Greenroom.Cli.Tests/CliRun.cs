using Greenroom.Cli.Templates;

namespace Greenroom.Cli.Tests;

/// <summary>The outcome of running <c>greenroom</c> in-process: exit code, standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output split into lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>greenroom <paramref name="args"/></c> with <paramref name="workingDirectory"/> as its current folder.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, null, args);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with <paramref name="runner"/> running templates.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, ITemplateRunner? runner, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, workingDirectory);
        if (runner is not null)
        {
            environment = environment with { TemplateRunner = runner };
        }

        var exitCode = await GreenroomCommandLine.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>For assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}--- error ---\n{Error}";
}
