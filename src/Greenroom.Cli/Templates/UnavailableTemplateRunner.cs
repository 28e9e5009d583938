namespace Greenroom.Cli.Templates;

/// <summary>
/// The runner of a build without the scaffolder engine: it says so and fails. Replace it in
/// <see cref="CliEnvironment.TemplateRunner"/> with one backed by the engine once the CLI references it.
/// </summary>
public sealed class UnavailableTemplateRunner : ITemplateRunner
{
    /// <inheritdoc />
    public async Task<int> RunAsync(TemplateRunRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(
            $"error: template run is not available in this build: the scaffolder engine is not part of it. " +
            $"The template and values were checked and are valid; nothing was written to the output folder.").ConfigureAwait(false);
        return 1;
    }
}
