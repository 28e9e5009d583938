namespace Greenroom.Storage.Sqlite.Tests;

/// <summary>A private temporary folder for database files, removed with everything in it when disposed.</summary>
internal sealed class TempDatabase : IDisposable
{
    private int _count;

    public string Folder { get; } = Directory.CreateTempSubdirectory("greenroom-store-").FullName;

    /// <summary>A database file path not used before in this folder.</summary>
    public string NewPath() => Path.Combine(Folder, $"catalog-{Interlocked.Increment(ref _count)}.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves a temp folder behind; it must not fail the test.
        }
    }
}
