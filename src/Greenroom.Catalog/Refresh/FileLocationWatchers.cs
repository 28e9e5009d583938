using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;

namespace Greenroom.Catalog.Refresh;

/// <summary>
/// One <see cref="FileSystemWatcher"/> per file location root; a burst of changes (an editor's save, a git checkout)
/// becomes a single callback for that location after a quiet period.
/// </summary>
internal sealed class FileLocationWatchers(CatalogPaths paths, TimeProvider timeProvider, Action<Guid> changed) : IDisposable
{
    /// <summary>How long changes must settle before the location is re-read.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<Guid, Watch> _watches = [];
    private readonly Lock _lock = new();

    /// <summary>Watches the roots of the file locations among <paramref name="locations"/>, and stops watching removed ones.</summary>
    public void Update(IEnumerable<LocationRecord> locations)
    {
        lock (_lock)
        {
            var wanted = locations.Where(l => l.Type == "file").ToDictionary(l => l.Id);
            foreach (var id in _watches.Keys.Where(id => !wanted.ContainsKey(id)).ToList())
            {
                _watches[id].Dispose();
                _watches.Remove(id);
            }

            foreach (var location in wanted.Values.Where(l => !_watches.ContainsKey(l.Id)))
            {
                var root = SourceResolver.RootOf(SourceResolver.RootAddress(location.Type, location.Target, paths.BaseDirectory));
                if (!Directory.Exists(root))
                {
                    continue;
                }

                try
                {
                    _watches[location.Id] = new Watch(root, location.Id, timeProvider, changed);
                }
                catch (IOException)
                {
                    // Out of inotify watches (a huge tree): the periodic refresh still picks up changes.
                }
            }
        }
    }

    /// <summary>
    /// Whether a change to <paramref name="path"/> may matter. A root can be the content root itself, which also holds
    /// the database: its writes (and VCS or build churn) must not trigger passes, or every pass would trigger the next.
    /// </summary>
    internal static bool IsRelevant(string path)
    {
        var name = Path.GetFileName(path);
        if (IgnoredSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var segments = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return !segments.Any(s => IgnoredDirectories.Contains(s));
    }

    private static readonly string[] IgnoredSuffixes = [".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".log", ".tmp", ".swp", "~"];

    private static readonly HashSet<string> IgnoredDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var watch in _watches.Values)
            {
                watch.Dispose();
            }

            _watches.Clear();
        }
    }

    private sealed class Watch : IDisposable
    {
        private readonly FileSystemWatcher _watcher;
        private readonly ITimer _timer;

        public Watch(string root, Guid id, TimeProvider timeProvider, Action<Guid> changed)
        {
            _timer = timeProvider.CreateTimer(_ => changed(id), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
            _watcher.EnableRaisingEvents = true;
        }

        private void OnChange(object sender, FileSystemEventArgs e)
        {
            if (IsRelevant(e.FullPath))
            {
                _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            _watcher.Dispose();
            _timer.Dispose();
        }
    }
}
