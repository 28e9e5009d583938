using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Greenroom.Bench.Generation;

/// <summary>
/// Writes a generated catalog in the reference layout: <c>entities/part-NNNN.yaml</c> (contiguous, near-equal
/// chunks), <c>catalog-info.yaml</c> (one Location listing every part, or one Location per part) and
/// <c>catalog-manifest.json</c>.
/// </summary>
internal static partial class CatalogWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [GeneratedRegex(@"^part-\d+\.yaml$")]
    private static partial Regex PartFile();

    /// <summary>Generates <paramref name="settings"/>'s catalog into its output folder and returns the manifest.</summary>
    public static async Task<CatalogManifest> GenerateAsync(GenerationSettings settings, CancellationToken cancellationToken)
    {
        var generator = new CatalogGenerator(settings.Entities, settings.Seed);
        var entities = generator.Build();
        if (entities.Count != settings.Entities)
        {
            throw new InvalidOperationException($"Generated {entities.Count} entities, expected {settings.Entities}");
        }

        var parts = Path.Combine(settings.OutputDirectory, "entities");
        Directory.CreateDirectory(parts);

        // Part files from an earlier run would not match the new Location.
        foreach (var old in Directory.EnumerateFiles(parts).Where(f => PartFile().IsMatch(Path.GetFileName(f))).ToList())
        {
            File.Delete(old);
        }

        var fileCount = Math.Max(1, Math.Min(settings.Files ?? (int)Math.Ceiling(settings.Entities / 100.0), entities.Count));
        var targets = new List<string>(fileCount);
        for (var f = 0; f < fileCount; f++)
        {
            var lo = (int)((long)entities.Count * f / fileCount);
            var hi = (int)((long)entities.Count * (f + 1) / fileCount);
            var relative = $"./entities/part-{f + 1:D4}.yaml";
            await WriteDocumentsAsync(Path.Combine(settings.OutputDirectory, relative), entities.Skip(lo).Take(hi - lo), cancellationToken);
            targets.Add(relative);
        }

        var locations = settings.PerFileLocations
            ? targets.Select((t, i) => Descriptors.Entity(
                "Location", $"generated-catalog-part-{i + 1:D4}", new YamlMap { { "type", "file" }, { "targets", new List<object> { t } } },
                description: $"Part {i + 1} of a synthetic catalog (seed {settings.Seed}).")).ToList()
            : [Descriptors.Entity(
                "Location", "generated-catalog-root", new YamlMap { { "type", "file" }, { "targets", targets.Cast<object>().ToList() } },
                description: $"Root of a synthetic catalog ({entities.Count} entities, seed {settings.Seed}).")];
        await WriteDocumentsAsync(Path.Combine(settings.OutputDirectory, "catalog-info.yaml"), locations, cancellationToken);

        var services = generator.Components.Where(c => c.Type == "service").ToList();
        var sample = generator.Components.FirstOrDefault(c => c.Provides.Count > 0 && c.DependsOn.Count > 0) ?? generator.Components[0];
        var manifest = new CatalogManifest
        {
            Seed = settings.Seed,
            Entities = entities.Count,
            Files = fileCount,
            Counts = generator.Counts,
            ComponentTypes = Vocabulary.ComponentTypeWeights.ToDictionary(
                t => t.Value, t => generator.Components.Count(c => c.Type == t.Value), StringComparer.Ordinal),
            SampleComponent = sample.Name,
            SampleService = services.Count > 0 ? services[0].Name : generator.Components[0].Name,
            SearchTerm = generator.Systems[0].Area,
            LocationLayout = settings.PerFileLocations ? "per-file" : "single",
            Locations = locations.Select(l => (string)((YamlMap)l.Get("metadata")!).Get("name")!).ToList(),
            ExpectedEntities = entities.Count + locations.Count,
            ExpectedRelations = ExpectedRelations.Count(entities.Concat(locations)),
        };
        await File.WriteAllTextAsync(
            Path.Combine(settings.OutputDirectory, "catalog-manifest.json"),
            JsonSerializer.Serialize(manifest, ManifestJson) + "\n",
            Utf8,
            cancellationToken);
        return manifest;
    }

    /// <summary>Reads the manifest of an existing catalog folder (ours or the reference script's).</summary>
    public static async Task<CatalogManifest> ReadManifestAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "catalog-manifest.json");
        if (!File.Exists(path))
        {
            throw new BenchException($"No catalog-manifest.json in {directory}: the catalog folder must come from this generator or gen-catalog.py");
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<CatalogManifest>(stream, ManifestJson, cancellationToken)
            ?? throw new BenchException($"{path} is empty");
    }

    private static async Task WriteDocumentsAsync(string path, IEnumerable<YamlMap> documents, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, Utf8, bufferSize: 1 << 16);
        foreach (var document in documents)
        {
            await writer.WriteAsync(YamlEmitter.Document(document).AsMemory(), cancellationToken);
        }
    }
}

/// <summary>What to generate and where.</summary>
internal sealed record GenerationSettings(int Entities, int Seed, int? Files, bool PerFileLocations, string OutputDirectory);
