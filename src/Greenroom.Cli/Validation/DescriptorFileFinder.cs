using Greenroom.Cli.Reporting;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Greenroom.Cli.Validation;

/// <summary>
/// Turns the paths given on the command line into descriptor files: a file is taken as it is, a folder is searched
/// with the include and exclude globs. A path that does not exist, or a folder with no matching file, is an error:
/// a mistyped path or glob in CI must fail the build, not pass it with nothing checked.
/// </summary>
internal sealed class DescriptorFileFinder(CliEnvironment environment, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
{
    /// <summary>Globs searched in folders when none are given.</summary>
    public static IReadOnlyList<string> DefaultInclude { get; } = ["**/catalog-info.yaml", "**/catalog-info.yml"];

    /// <summary>Folders never searched: dependencies, build output and version control.</summary>
    public static IReadOnlyList<string> DefaultExclude { get; } = ["**/node_modules/**", "**/.git/**", "**/bin/**", "**/obj/**"];

    /// <summary>The files to validate, each once, in a stable order, and an error for every path that yielded none.</summary>
    public (IReadOnlyList<DescriptorFile> Files, IReadOnlyList<Finding> Problems) Find(IEnumerable<string> paths)
    {
        var files = new List<DescriptorFile>();
        var problems = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = environment.FullPath(path);
            if (File.Exists(full))
            {
                // Placeholders of a named file may read around it within the working directory, as they would within
                // the folder of a catalog location.
                var root = FolderContainment.IsInside(full, environment.WorkingDirectory) ? environment.WorkingDirectory : Path.GetDirectoryName(full)!;
                Add(new DescriptorFile(full, root, Named: true));
            }
            else if (Directory.Exists(full))
            {
                var found = Search(full);
                if (found.Count == 0)
                {
                    problems.Add(new Finding(FindingSeverity.Error, environment.DisplayPath(full), null, null,
                        $"No descriptor files found in this folder (searched for {string.Join(", ", include)}; use --include to search for others)"));
                }

                foreach (var file in found)
                {
                    Add(new DescriptorFile(file, full, Named: false));
                }
            }
            else
            {
                problems.Add(new Finding(FindingSeverity.Error, environment.DisplayPath(full), null, null, "No such file or folder"));
            }
        }

        return (files, problems);

        void Add(DescriptorFile file)
        {
            if (seen.Add(file.FullPath))
            {
                files.Add(file);
            }
        }
    }

    private List<string> Search(string folder)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(include);
        matcher.AddExcludePatterns(exclude);
        return matcher.GetResultsInFullPath(folder).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
    }
}
