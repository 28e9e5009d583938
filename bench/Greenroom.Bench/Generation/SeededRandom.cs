namespace Greenroom.Bench.Generation;

/// <summary>
/// The few random operations the generator needs (Python's <c>random</c> vocabulary) over a seeded
/// <see cref="Random"/>, whose sequence is stable for a given seed. Not the same numbers as Python: only the shape
/// and the per-kind counts match the reference script.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>An int in [<paramref name="min"/>, <paramref name="max"/>], both inclusive (Python's <c>randint</c>).</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    /// <summary>An int in [0, <paramref name="count"/>).</summary>
    public int Below(int count) => _random.Next(count);

    public T Choice<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A value picked by weight.</summary>
    public string Weighted((string Value, double Weight)[] pairs)
    {
        var x = NextDouble() * pairs.Sum(p => p.Weight);
        foreach (var (value, weight) in pairs)
        {
            x -= weight;
            if (x < 0)
            {
                return value;
            }
        }

        return pairs[^1].Value;
    }

    /// <summary><paramref name="count"/> distinct items (Python's <c>sample</c>); cheap for small counts of large lists.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var picked = new List<int>(count);
        while (picked.Count < count)
        {
            var index = _random.Next(items.Count);
            if (!picked.Contains(index))
            {
                picked.Add(index);
            }
        }

        return picked.Select(i => items[i]).ToList();
    }
}
