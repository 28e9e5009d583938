using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// The field positions of a document read by <see cref="BlockYamlReader"/>, computed on first use by reading the
/// document's text again. Positions are only asked for problems and Location targets, so most documents never pay
/// for them: no path strings, no dictionary, nothing retained but a reference to the file's text.
/// </summary>
internal sealed class FieldPositionMap(string text, int start, int line, DescriptorLimits limits) : IReadOnlyDictionary<string, (int Line, int Column)>
{
    private Dictionary<string, (int Line, int Column)>? _byPath;

    public (int Line, int Column) this[string key] => ByPath[key];

    public IEnumerable<string> Keys => ByPath.Keys;

    public IEnumerable<(int Line, int Column)> Values => ByPath.Values;

    public int Count => ByPath.Count;

    public bool ContainsKey(string key) => ByPath.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out (int Line, int Column) value) => ByPath.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, (int Line, int Column)>> GetEnumerator() => ByPath.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Built once; a racing second build only wastes work, both results are equal.
    private Dictionary<string, (int Line, int Column)> ByPath => Volatile.Read(ref _byPath) ?? Build();

    private Dictionary<string, (int Line, int Column)> Build()
    {
        var recorder = new FieldPositionRecorder();
        BlockYamlReader.RecordPositions(text, start, line, limits, recorder);
        var byPath = recorder.ToDictionary();
        Volatile.Write(ref _byPath, byPath);
        return byPath;
    }
}
