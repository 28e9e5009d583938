using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder.Model;
using Greenroom.Scaffolder.Workspace;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Finds a catalog template's own files from its <c>backstage.io/managed-by-location</c>.</summary>
internal static class TemplateFilesFactory
{
    public static ITemplateFiles For(TemplateDefinition template, ScaffolderOptions options)
    {
        var location = template.Location;
        if (location is not null && location.StartsWith("file:", StringComparison.Ordinal))
        {
            var file = location["file:".Length..];
            return new DirectoryTemplateFiles(Path.GetDirectoryName(Path.GetFullPath(file))!, options.MaxFileBytes, options.MaxWorkspaceFiles);
        }

        return new UnavailableTemplateFiles(location);
    }

    /// <summary>A template whose files cannot be read here: fetch actions fail with the reason, other actions still run.</summary>
    private sealed class UnavailableTemplateFiles(string? location) : ITemplateFiles
    {
        private string Reason => location is null
            ? "the template has no backstage.io/managed-by-location, so its files cannot be found"
            : $"the template comes from {location}; fetching template files from URL locations is not supported yet (register it as a file location)";

        public Task<IReadOnlyList<string>> ListFilesAsync(string relativeFolder, CancellationToken cancellationToken) =>
            throw new NotSupportedException(Reason);

        public Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken) =>
            throw new NotSupportedException(Reason);
    }
}
