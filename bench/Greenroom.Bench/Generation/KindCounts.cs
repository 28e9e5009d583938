namespace Greenroom.Bench.Generation;

/// <summary>Splits a total over the kinds (largest remainder), exactly as the reference script does.</summary>
internal static class KindCounts
{
    /// <summary>Entity count per kind; the counts add up to <paramref name="total"/>.</summary>
    public static SortedDictionary<string, int> Split(int total)
    {
        var exact = Vocabulary.Proportions.Select(p => (p.Kind, Value: total * p.Share)).ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, value) in exact)
        {
            counts[kind] = (int)Math.Floor(value);
        }

        var leftover = total - counts.Values.Sum();
        var byRemainder = exact
            .OrderBy(e => -(e.Value - Math.Floor(e.Value)))
            .ThenBy(e => e.Kind, StringComparer.Ordinal)
            .Take(leftover);
        foreach (var (kind, _) in byRemainder)
        {
            counts[kind]++;
        }

        // Tiny catalogs: the referenced kinds must exist; they are taken from components.
        foreach (var kind in Vocabulary.RequiredKinds)
        {
            if (counts[kind] == 0)
            {
                counts[kind] = 1;
                counts["Component"]--;
            }
        }

        return counts;
    }
}
