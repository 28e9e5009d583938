using System.Globalization;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>Collects one document's positions as a tree of (parent, key or item index, line, column), then names them by path.</summary>
internal sealed class FieldPositionRecorder
{
    private readonly List<Entry> _entries = [];

    /// <summary>Records a mapping key under entry <paramref name="parent"/> (-1 for the root); returns its entry.</summary>
    public int AddKey(int parent, string key, int line, int column)
    {
        _entries.Add(new Entry(parent, key, 0, line, column));
        return _entries.Count - 1;
    }

    /// <summary>Records sequence item <paramref name="item"/> under entry <paramref name="parent"/>; returns its entry.</summary>
    public int AddItem(int parent, int item, int line, int column)
    {
        _entries.Add(new Entry(parent, null, item, line, column));
        return _entries.Count - 1;
    }

    /// <summary>The positions by path (<c>spec.targets[2]</c>), as <see cref="YamlDocumentBuilder"/> names them.</summary>
    public Dictionary<string, (int Line, int Column)> ToDictionary()
    {
        var paths = new string[_entries.Count];
        var byPath = new Dictionary<string, (int Line, int Column)>(_entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var parent = entry.Parent < 0 ? string.Empty : paths[entry.Parent];
            paths[i] = entry.Key is { } key
                ? (parent.Length == 0 ? key : string.Concat(parent, ".", key))
                : string.Concat(parent, "[", entry.Item.ToString(CultureInfo.InvariantCulture), "]");

            // Later wins, as in a dictionary filled while reading (a key "a.b" and a key "b" under "a" share a path).
            byPath[paths[i]] = (entry.Line, entry.Column);
        }

        return byPath;
    }

    private readonly record struct Entry(int Parent, string? Key, int Item, int Line, int Column);
}
