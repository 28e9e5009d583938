namespace Greenroom.Server.Hosting;

/// <summary>Host settings, section <c>Greenroom</c>.</summary>
public sealed class GreenroomOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greenroom";

    /// <summary>Where Greenroom keeps its data (the SQLite database <c>greenroom.db</c>); created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The database file inside <see cref="DataDirectory"/>, resolved against <paramref name="contentRoot"/>.</summary>
    public string DatabasePath(string contentRoot) => Path.Combine(Path.GetFullPath(DataDirectory, contentRoot), "greenroom.db");

    /// <summary>As <see cref="DatabasePath"/>, or null when <see cref="DataDirectory"/> is not a usable path.</summary>
    public string? TryGetDatabasePath(string contentRoot)
    {
        try
        {
            return string.IsNullOrWhiteSpace(DataDirectory) ? null : DatabasePath(contentRoot);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>
    /// The search index folder: <paramref name="configured"/> resolved against <paramref name="contentRoot"/>, or
    /// <c>search-index</c> inside <see cref="DataDirectory"/>; left as given when it is not a usable path, for the
    /// search options' own check to report.
    /// </summary>
    public string? ResolveIndexPath(string? configured, string contentRoot)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured, contentRoot);
            }

            return TryGetDatabasePath(contentRoot) is { } database ? Path.Combine(Path.GetDirectoryName(database)!, "search-index") : configured;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return configured;
        }
    }
}
