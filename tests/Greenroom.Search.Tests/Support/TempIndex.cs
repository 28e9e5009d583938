using Greenroom.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Greenroom.Search.Tests.Support;

/// <summary>A temporary index folder and engines opened on it.</summary>
public sealed class TempIndex : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "greenroom-search-tests", Guid.NewGuid().ToString("N"));

    public SearchOptions Options(Action<SearchOptions>? configure = null)
    {
        var options = new SearchOptions { IndexPath = Path, Debounce = TimeSpan.Zero };
        configure?.Invoke(options);
        return options;
    }

    internal LuceneSearchEngine Open(Action<SearchOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(configure)), NullLogger<LuceneSearchEngine>.Instance);

    /// <summary>Overwrites every index file with bytes that are no index.</summary>
    public void Corrupt()
    {
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            if (System.IO.Path.GetFileName(file) != "write.lock")
            {
                File.WriteAllBytes(file, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
