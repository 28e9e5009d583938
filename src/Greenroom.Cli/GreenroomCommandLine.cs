using System.CommandLine;
using Greenroom.Cli.Templates;
using Greenroom.Cli.Validation;

namespace Greenroom.Cli;

/// <summary>The <c>greenroom</c> command tree: <c>validate</c> and <c>template run</c>.</summary>
public static class GreenroomCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code (0 success, 1 any error).</summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("Greenroom: validate Backstage catalog descriptors and try software templates locally.")
        {
            ValidateCommand.Create(environment),
            TemplateCommand.Create(environment),
        };
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
