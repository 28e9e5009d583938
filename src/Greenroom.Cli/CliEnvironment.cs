using Greenroom.Cli.Templates;

namespace Greenroom.Cli;

/// <summary>
/// What a command may touch beyond its arguments: where to write, and the folder relative paths start from.
/// Passed in rather than read from <see cref="Console"/> and the process, so tests run commands in-process side by side.
/// </summary>
/// <param name="Out">Results: problems, summaries.</param>
/// <param name="Error">Usage errors and failures of the tool itself.</param>
/// <param name="WorkingDirectory">Absolute folder that relative paths in arguments are resolved against, and printed relative to.</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>Runs <c>greenroom template run</c>; the scaffolder engine plugs in here.</summary>
    public ITemplateRunner TemplateRunner { get; init; } = new UnavailableTemplateRunner();

    /// <summary>The absolute form of a path given on the command line.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>How a file is named in output: relative to the working directory when inside it, with forward slashes.</summary>
    public string DisplayPath(string fullPath)
    {
        var shown = FolderContainment.IsInside(fullPath, WorkingDirectory) ? Path.GetRelativePath(WorkingDirectory, fullPath) : fullPath;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }
}
