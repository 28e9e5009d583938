namespace Greenroom.Cli.Templates;

/// <summary>
/// Runs a software template locally for <c>greenroom template run</c>. The command checks its inputs (the template
/// is a valid Template entity, the values a mapping, the output folder empty) before it calls the runner, so a
/// runner only renders and writes.
/// </summary>
public interface ITemplateRunner
{
    /// <summary>Runs <paramref name="request"/>, writing progress and problems to <paramref name="output"/>; returns the exit code.</summary>
    Task<int> RunAsync(TemplateRunRequest request, TextWriter output, CancellationToken cancellationToken);
}
