using System.Text.Json.Serialization;

namespace Greenroom.Bench.Generation;

/// <summary>
/// <c>catalog-manifest.json</c>: the reference script's facts a benchmark needs without re-parsing the YAML, plus
/// <see cref="ExpectedEntities"/> and <see cref="ExpectedRelations"/> (absent from the script's manifest).
/// </summary>
internal sealed record CatalogManifest
{
    public int Seed { get; init; }

    /// <summary>Generated entities, Location entities excluded.</summary>
    public int Entities { get; init; }

    public int Files { get; init; }

    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> ComponentTypes { get; init; } = new Dictionary<string, int>();

    public string SampleComponent { get; init; } = string.Empty;

    public string SampleService { get; init; } = string.Empty;

    public string SearchTerm { get; init; } = string.Empty;

    public string LocationLayout { get; init; } = "single";

    /// <summary>Names of the Location entities in <c>catalog-info.yaml</c>; they are catalog entities too.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>Entities the catalog must hold: the generated ones plus the Location entities.</summary>
    [JsonPropertyName("expectedEntities")]
    public int? ExpectedEntities { get; init; }

    /// <summary>Sum of the <c>relations</c> arrays of all final entities; null for a manifest written by the script.</summary>
    [JsonPropertyName("expectedRelations")]
    public int? ExpectedRelations { get; init; }

    /// <summary>The catalog size the API must report, computed when the manifest does not say.</summary>
    [JsonIgnore]
    public int TotalEntities => ExpectedEntities ?? Entities + Locations.Count;

    /// <summary>Per-kind counts including the Location entities.</summary>
    public IReadOnlyDictionary<string, int> CountsWithLocations()
    {
        var all = new SortedDictionary<string, int>(Counts.ToDictionary(), StringComparer.Ordinal);
        if (Locations.Count > 0)
        {
            all["Location"] = Locations.Count;
        }

        return all;
    }
}
