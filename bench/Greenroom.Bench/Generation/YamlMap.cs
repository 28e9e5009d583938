namespace Greenroom.Bench.Generation;

/// <summary>
/// An insertion-ordered mapping for descriptor output: key order in the YAML follows the order of <see cref="Add"/>,
/// as in the reference script's dicts. Values are strings, ints, bools, lists or nested maps.
/// </summary>
internal sealed class YamlMap : List<KeyValuePair<string, object>>
{
    public void Add(string key, object value) => Add(new KeyValuePair<string, object>(key, value));

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public object? Get(string key)
    {
        foreach (var pair in this)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
