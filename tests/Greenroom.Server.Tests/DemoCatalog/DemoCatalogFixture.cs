using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Server.Tests.DemoCatalog;

/// <summary>
/// The built-in demo catalog read straight from the source folder, once per test class: every descriptor file parsed,
/// its <c>$text</c>/<c>$json</c>/<c>$yaml</c> placeholders resolved relative to the file, and every entity validated.
/// Reading the source folder (not the build output) keeps the test independent of how the host copies the files.
/// </summary>
public sealed class DemoCatalogFixture
{
    /// <summary>Folders holding API definitions referenced through placeholders, not entity descriptors.</summary>
    private const string DefinitionsFolder = "definitions";

    public DemoCatalogFixture()
    {
        Root = FindDemoFolder();
        Parser = new DescriptorParser(DescriptorLimits.Default);
        var validator = new EntityValidator(CatalogRules.BuiltInOnly);

        var parsedFiles = Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Where(path => !RelativePath(path).Split('/').Contains(DefinitionsFolder))
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => path, path => Parser.Parse(File.ReadAllText(path), RelativePath(path)));

        // A template's skeleton holds files (an unrendered catalog-info.yaml among them) that become descriptors only
        // once the scaffolder renders them into a new repository.
        TemplateContentFolders = parsedFiles
            .SelectMany(pair => pair.Value.Documents.SelectMany(document => TemplateContentOf(pair.Key, document.Entity)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        DescriptorFiles = parsedFiles.Keys
            .Where(path => !TemplateContentFolders.Any(folder => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .ToList();

        var entities = new List<DemoEntity>();
        var problems = new List<CatalogProblem>();
        var placeholders = new List<DemoPlaceholder>();
        foreach (var file in DescriptorFiles)
        {
            var relative = RelativePath(file);
            var parsed = parsedFiles[file];
            problems.AddRange(parsed.Problems);
            foreach (var document in parsed.Documents)
            {
                var resolved = (JsonObject)Resolve(document.Entity, file, relative, placeholders, problems)!;
                problems.AddRange(validator.Validate(resolved).Select(problem => problem with
                {
                    File = relative,
                    Line = document.PositionOf(problem.Field).Line,
                    Column = document.PositionOf(problem.Field).Column,
                }));
                entities.Add(new DemoEntity(relative, resolved, EntityFields.RefOf(resolved)));
            }
        }

        Entities = entities;
        Problems = problems;
        Placeholders = placeholders;
    }

    /// <summary>Absolute path of the demo folder in the source tree.</summary>
    public string Root { get; }

    /// <summary>The parser the files were read with (also used to read API definitions).</summary>
    public DescriptorParser Parser { get; }

    /// <summary>Absolute paths of the entity descriptor files (everything but API definitions).</summary>
    public IReadOnlyList<string> DescriptorFiles { get; }

    /// <summary>Absolute paths of the folders Templates fetch as content (<c>fetch:template</c>/<c>fetch:plain</c> with a relative <c>url</c>).</summary>
    public IReadOnlyList<string> TemplateContentFolders { get; }

    /// <summary>Every entity with its placeholders resolved.</summary>
    public IReadOnlyList<DemoEntity> Entities { get; }

    /// <summary>Every parse, placeholder and validation problem.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    /// <summary>Every placeholder met, with where it pointed.</summary>
    public IReadOnlyList<DemoPlaceholder> Placeholders { get; }

    /// <summary>The entities of one kind.</summary>
    public IEnumerable<DemoEntity> OfKind(string kind) =>
        Entities.Where(entity => string.Equals(entity.Ref?.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>A path relative to the demo folder, with forward slashes.</summary>
    public string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/> (absolute, normalised) is inside the demo folder.</summary>
    public bool IsInside(string path) =>
        path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A copy of <paramref name="node"/> with every placeholder replaced by what it names.</summary>
    private JsonNode? Resolve(JsonNode? node, string file, string relative, List<DemoPlaceholder> found, List<CatalogProblem> problems)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } placeholder
                when placeholder.First() is { Key: "$text" or "$json" or "$yaml" } only
                    && only.Value is JsonValue value && value.TryGetValue<string>(out var target):
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                var exists = IsInside(full) && File.Exists(full);
                found.Add(new DemoPlaceholder(relative, only.Key, target, full, exists));
                if (!exists)
                {
                    problems.Add(new CatalogProblem($"{only.Key} target '{target}' does not exist inside the demo folder", relative));
                    return null;
                }

                var content = File.ReadAllText(full);
                if (only.Key == "$text")
                {
                    return JsonValue.Create(content);
                }

                var parsed = Parser.ParseValue(content, RelativePath(full));
                if (parsed.Problem is not null)
                {
                    problems.Add(parsed.Problem);
                }

                return parsed.Value;
            case JsonObject map:
                var copy = new JsonObject();
                foreach (var (key, child) in map)
                {
                    copy[key] = Resolve(child, file, relative, found, problems);
                }

                return copy;
            case JsonArray list:
                return new JsonArray(list.Select(child => Resolve(child, file, relative, found, problems)).ToArray());
            default:
                // A node belongs to one parent, so leaves are copied into the resolved tree.
                return node?.DeepClone();
        }
    }

    private static IEnumerable<string> TemplateContentOf(string file, JsonObject entity)
    {
        if (EntityFields.StringAt(entity, "kind") != "Template" || entity["spec"]?["steps"] is not JsonArray steps)
        {
            return [];
        }

        return steps
            .Where(step => step?["action"]?.GetValue<string>() is "fetch:template" or "fetch:plain")
            .Select(step => step!["input"]?["url"]?.GetValue<string>())
            .Where(url => url is not null && url.StartsWith("./", StringComparison.Ordinal))
            .Select(url => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, url!)));
    }

    private static string FindDemoFolder([CallerFilePath] string sourceFile = "")
    {
        // Tests normally run from a bin/ folder inside the source tree; with --artifacts-path elsewhere, the path this
        // file was compiled from still leads to the source root.
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) };
        foreach (var start in starts.Where(start => !string.IsNullOrEmpty(start)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Greenroom.slnx")))
                {
                    var demo = Path.Combine(dir.FullName, "src", "Greenroom.Server", "DemoCatalog");
                    return Directory.Exists(demo)
                        ? Path.GetFullPath(demo)
                        : throw new DirectoryNotFoundException($"The solution root {dir.FullName} has no src/Greenroom.Server/DemoCatalog folder");
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"Neither {AppContext.BaseDirectory} nor {Path.GetDirectoryName(sourceFile)} is inside a folder containing Greenroom.slnx");
    }
}

/// <summary>One entity of the demo catalog and the file it came from (relative to the demo folder).</summary>
public sealed record DemoEntity(string File, JsonObject Entity, EntityRef? Ref)
{
    /// <summary>The entity's spec, or an empty object.</summary>
    public JsonObject Spec => Entity["spec"] as JsonObject ?? [];

    /// <summary>A string spec field, or null.</summary>
    public string? SpecString(string field) => EntityFields.StringAt(Spec, field);

    /// <summary>A readable name for assertion messages.</summary>
    public override string ToString() => $"{Ref} ({File})";
}

/// <summary>A <c>$text</c>/<c>$json</c>/<c>$yaml</c> placeholder: the file it was in, its target, and whether that exists inside the folder.</summary>
public sealed record DemoPlaceholder(string File, string Kind, string Target, string FullPath, bool ExistsInside);
