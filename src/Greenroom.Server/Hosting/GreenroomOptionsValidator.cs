using Microsoft.Extensions.Options;

namespace Greenroom.Server.Hosting;

/// <summary>
/// Checks <see cref="GreenroomOptions"/> at start and creates the data directory, so a bad path stops the host with
/// a message naming the key and the reason rather than a database error later.
/// </summary>
internal sealed class GreenroomOptionsValidator(IHostEnvironment environment) : IValidateOptions<GreenroomOptions>
{
    public ValidateOptionsResult Validate(string? name, GreenroomOptions options)
    {
        const string Key = $"{GreenroomOptions.SectionName}:DataDirectory";
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail($"{Key} must name a directory (default ./data)");
        }

        string path;
        try
        {
            path = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"{Key} '{options.DataDirectory}' is not a valid path: {e.Message}");
        }

        if (File.Exists(path))
        {
            return ValidateOptionsResult.Fail($"{Key} '{path}' is a file, not a directory");
        }

        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{Key} '{path}' cannot be created: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
