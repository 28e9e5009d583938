using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Relations;

namespace Greenroom.Server.Tests.DemoCatalog;

/// <summary>
/// The built-in demo catalog is what a new user sees first, so it must be flawless: every file valid as Backstage
/// would judge it, every reference pointing at an entity that exists, every API definition real.
/// </summary>
public sealed class DemoCatalogFilesTests(DemoCatalogFixture demo) : IClassFixture<DemoCatalogFixture>
{
    private const long MaxFolderBytes = 300 * 1024;

    [Fact]
    public void Every_descriptor_parses_and_validates_without_problems()
    {
        Assert.NotEmpty(demo.DescriptorFiles);
        Assert.True(demo.Problems.Count == 0, "The demo catalog has problems:\n" + string.Join('\n', demo.Problems));
        Assert.All(demo.Entities, entity => Assert.NotNull(entity.Ref));
    }

    [Fact]
    public void Entity_refs_are_unique()
    {
        var duplicates = demo.Entities
            .GroupBy(entity => entity.Ref!.Value.ToKey(), StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Root_location_reaches_every_descriptor_file_and_nothing_missing()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Path.Combine(demo.Root, "all.yaml")]);
        var missing = new List<string>();
        while (pending.TryDequeue(out var file))
        {
            if (!reached.Add(file))
            {
                continue;
            }

            var relative = demo.RelativePath(file);
            foreach (var location in demo.Entities.Where(entity => entity.File == relative && entity.Ref?.Kind == "Location"))
            {
                var targets = (location.Spec["targets"] as JsonArray ?? []).Select(target => target!.GetValue<string>());
                if (location.SpecString("target") is { } single)
                {
                    targets = targets.Append(single);
                }

                foreach (var target in targets)
                {
                    Assert.StartsWith("./", target, StringComparison.Ordinal);
                    var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                    if (demo.IsInside(full) && File.Exists(full))
                    {
                        pending.Enqueue(full);
                    }
                    else
                    {
                        missing.Add($"{relative} -> {target}");
                    }
                }
            }
        }

        Assert.Empty(missing);
        Assert.Equal(demo.DescriptorFiles.Select(demo.RelativePath).Order(), reached.Select(demo.RelativePath).Order());
    }

    [Fact]
    public void Every_relation_target_resolves_to_an_entity_in_the_demo_catalog()
    {
        var known = demo.Entities.Select(entity => entity.Ref!.Value.ToKey()).ToHashSet(StringComparer.Ordinal);
        var relations = demo.Entities
            .SelectMany(entity => RelationDeriver.Derive(entity.Entity, entity.Ref!.Value).Select(relation => (entity, relation)))
            .ToList();

        var dangling = relations
            .Where(pair => !known.Contains(pair.relation.TargetRef) || !known.Contains(pair.relation.SourceRef))
            .Select(pair => $"{pair.entity}: {pair.relation.SourceRef} {pair.relation.Type} {pair.relation.TargetRef}")
            .Distinct()
            .ToList();

        Assert.True(dangling.Count == 0, "Dangling references:\n" + string.Join('\n', dangling));
        var types = relations.Select(pair => pair.relation.Type).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            RelationTypes.OwnedBy, RelationTypes.PartOf, RelationTypes.ProvidesApi, RelationTypes.ConsumesApi,
            RelationTypes.DependsOn, RelationTypes.MemberOf, RelationTypes.ChildOf, RelationTypes.ParentOf,
        ];
        Assert.All(expected, type => Assert.Contains(type, types));
    }

    [Fact]
    public void Spec_references_name_existing_entities_of_the_expected_kind()
    {
        // Checked from the spec fields too, so a dangling ref is caught even where relations are derived differently.
        var known = demo.Entities.Select(entity => entity.Ref!.Value.ToKey()).ToHashSet(StringComparer.Ordinal);
        (string Field, string? DefaultKind, string[] Kinds)[] fields =
        [
            ("owner", "Group", ["group", "user"]), ("system", "System", ["system"]), ("domain", "Domain", ["domain"]),
            ("subcomponentOf", "Component", ["component"]), ("parent", "Group", ["group"]),
            ("providesApis", "API", ["api"]), ("consumesApis", "API", ["api"]), ("dependsOn", null, ["component", "resource"]),
            ("memberOf", "Group", ["group"]), ("children", "Group", ["group"]),
        ];
        var wrong = new List<string>();
        foreach (var entity in demo.Entities)
        {
            foreach (var (field, defaultKind, kinds) in fields)
            {
                var values = entity.Spec[field] switch
                {
                    JsonArray list => list.Select(item => item!.GetValue<string>()),
                    JsonValue value => [value.GetValue<string>()],
                    _ => [],
                };
                foreach (var text in values)
                {
                    var ok = EntityRef.TryParse(text, out var reference, out _, defaultKind)
                        && known.Contains(reference.ToKey())
                        && kinds.Contains(reference.Kind.ToLowerInvariant());
                    if (!ok)
                    {
                        wrong.Add($"{entity}: spec.{field} '{text}'");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "References to missing or wrong-kind entities:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Group_tree_is_consistent_in_both_directions()
    {
        var groups = demo.OfKind("Group").ToDictionary(group => group.Ref!.Value.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups.Values)
        {
            var name = group.Ref!.Value.Name;
            if (group.SpecString("parent") is { } parent)
            {
                Assert.Contains(name, Children(groups[parent]), StringComparer.OrdinalIgnoreCase);
            }

            foreach (var child in Children(group))
            {
                Assert.Equal(name, groups[child].SpecString("parent"), StringComparer.OrdinalIgnoreCase);
            }
        }

        var roots = groups.Values.Where(group => group.SpecString("parent") is null).ToList();
        var root = Assert.Single(roots);
        Assert.Equal("organization", root.SpecString("type"));
        Assert.All(groups.Values, group => Assert.False(string.IsNullOrEmpty(group.Spec["profile"]?["email"]?.GetValue<string>()), $"{group} has no profile email"));
    }

    [Fact]
    public void Every_team_has_members_and_every_user_has_a_profile()
    {
        var users = demo.OfKind("User").ToList();
        var memberships = users
            .SelectMany(user => (user.Spec["memberOf"] as JsonArray ?? []).Select(group => group!.GetValue<string>()))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var teams = demo.OfKind("Group").Where(group => group.SpecString("type") == "team").ToList();
        Assert.NotEmpty(teams);
        Assert.All(teams, team => Assert.Contains(team.Ref!.Value.Name, memberships));
        Assert.All(users, user =>
        {
            var profile = Assert.IsType<JsonObject>(user.Spec["profile"]);
            Assert.False(string.IsNullOrEmpty(EntityFields.StringAt(profile, "displayName")), $"{user} has no displayName");
            Assert.False(string.IsNullOrEmpty(EntityFields.StringAt(profile, "email")), $"{user} has no email");
        });
    }

    [Fact]
    public void Profile_pictures_are_inline_or_absent()
    {
        // A new user's first page must not call out to third-party image hosts.
        var external = demo.Entities
            .Where(entity => entity.Spec["profile"]?["picture"] is JsonValue picture
                && !picture.GetValue<string>().StartsWith("data:", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(external);
    }

    [Fact]
    public void Placeholder_targets_exist_inside_the_demo_folder()
    {
        Assert.NotEmpty(demo.Placeholders);
        Assert.All(demo.Placeholders, placeholder =>
        {
            Assert.True(demo.IsInside(placeholder.FullPath), $"{placeholder.File}: {placeholder.Target} leaves the demo folder");
            Assert.True(placeholder.ExistsInside, $"{placeholder.File}: {placeholder.Target} does not exist");
        });
    }

    [Fact]
    public void Every_file_in_the_folder_is_a_descriptor_a_referenced_definition_or_part_of_a_docs_site()
    {
        // A stray file would be copied to every installation yet never loaded.
        var docsSites = demo.Entities
            .Select(entity => (entity.File, Ref: entity.Entity["metadata"]?["annotations"]?["backstage.io/techdocs-ref"]?.GetValue<string>()))
            .Where(e => e.Ref is not null && e.Ref.StartsWith("dir:", StringComparison.Ordinal))
            .Select(e => Path.GetFullPath(Path.Combine(demo.Root, Path.GetDirectoryName(e.File)!, e.Ref![4..])))
            .ToList();
        Assert.All(docsSites, site => Assert.True(File.Exists(Path.Combine(site, "mkdocs.yml")), $"{demo.RelativePath(site)} has no mkdocs.yml"));
        var used = demo.DescriptorFiles
            .Concat(demo.Placeholders.Select(placeholder => placeholder.FullPath))
            .Concat(docsSites.SelectMany(site => Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)).Select(Path.GetFullPath))
            .ToHashSet(StringComparer.Ordinal);
        var stray = Directory.EnumerateFiles(demo.Root, "*", SearchOption.AllDirectories)
            .Select(Path.GetFullPath)
            .Where(file => !used.Contains(file))
            .Where(file => !demo.TemplateContentFolders.Any(folder => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(demo.RelativePath)
            .ToList();

        Assert.Empty(stray);
    }

    [Fact]
    public void Every_template_fetches_a_folder_that_exists_inside_the_demo_folder()
    {
        Assert.NotEmpty(demo.OfKind("Template"));
        Assert.NotEmpty(demo.TemplateContentFolders);
        Assert.All(demo.TemplateContentFolders, folder =>
        {
            Assert.True(demo.IsInside(folder), $"{folder} leaves the demo folder");
            Assert.True(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(), $"{demo.RelativePath(folder)} is missing or empty");
        });
    }

    [Fact]
    public void Every_api_definition_is_given_in_its_own_file()
    {
        // Definitions live in apis/definitions so they can be opened and linted on their own, as real teams keep them.
        var apis = demo.OfKind("API").ToList();
        var defined = demo.Placeholders.Where(placeholder => placeholder.Kind == "$text").Select(placeholder => placeholder.FullPath).ToHashSet();

        Assert.All(apis, api => Assert.False(string.IsNullOrWhiteSpace(api.SpecString("definition")), $"{api} has no definition"));
        Assert.True(defined.Count >= apis.Count, $"{apis.Count} APIs but only {defined.Count} definition files");
        Assert.All(defined, path => Assert.StartsWith("apis/definitions/", demo.RelativePath(path), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_openapi_definition_is_openapi_3_with_paths()
    {
        var openApis = demo.OfKind("API").Where(api => api.SpecString("type") == "openapi").ToList();
        Assert.NotEmpty(openApis);
        foreach (var api in openApis)
        {
            var definition = ParseDefinition(api);
            var version = Assert.IsAssignableFrom<JsonValue>(definition["openapi"]).GetValue<string>();
            Assert.StartsWith("3.", version, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(definition["info"]?["title"]?.GetValue<string>()), $"{api} has no info.title");
            var paths = Assert.IsType<JsonObject>(definition["paths"]);
            Assert.True(paths.Count > 0, $"{api} has no paths");
            Assert.All(LocalRefs(definition), reference => Assert.True(Resolves(definition, reference), $"{api}: $ref {reference} does not resolve"));
        }
    }

    [Fact]
    public void Asyncapi_graphql_and_grpc_definitions_are_real_documents()
    {
        var apis = demo.OfKind("API").ToLookup(api => api.SpecString("type"));

        var asyncApi = Assert.Single(apis["asyncapi"]);
        var events = ParseDefinition(asyncApi);
        Assert.StartsWith("2.", events["asyncapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Assert.IsType<JsonObject>(events["channels"]).Count > 0);
        Assert.All(LocalRefs(events), reference => Assert.True(Resolves(events, reference), $"$ref {reference} does not resolve"));

        var graphql = Assert.Single(apis["graphql"]).SpecString("definition")!;
        Assert.Contains("type Query {", graphql, StringComparison.Ordinal);

        var grpc = Assert.Single(apis["grpc"]).SpecString("definition")!;
        Assert.Contains("syntax = \"proto3\";", grpc, StringComparison.Ordinal);
        Assert.Contains("service ", grpc, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_api_is_provided_by_a_component()
    {
        var provided = demo.OfKind("Component")
            .SelectMany(component => (component.Spec["providesApis"] as JsonArray ?? []).Select(api => EntityRef.Parse(api!.GetValue<string>(), "API").ToKey()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(demo.OfKind("API"), api => Assert.Contains(api.Ref!.Value.ToKey(), provided));
    }

    [Fact]
    public void Holds_what_a_demo_needs()
    {
        Assert.True(demo.OfKind("Domain").Count() >= 3, "at least 3 domains");
        Assert.True(demo.OfKind("System").Count() >= 6, "at least 6 systems");
        Assert.True(demo.OfKind("Component").Count() >= 25, "at least 25 components");
        Assert.True(demo.OfKind("API").Count() >= 10, "at least 10 APIs");
        Assert.True(demo.OfKind("Resource").Count() >= 8, "at least 8 resources");
        Assert.True(demo.OfKind("User").Count() >= 20, "at least 20 users");

        var components = demo.OfKind("Component").ToList();
        Assert.Equal(
            ["deprecated", "experimental", "production"],
            components.Select(component => component.SpecString("lifecycle")!).Distinct().Order());
        Assert.Superset(
            new HashSet<string> { "library", "service", "website" },
            components.Select(component => component.SpecString("type")!).ToHashSet());
        Assert.Contains(components, component => component.SpecString("subcomponentOf") is not null);
        Assert.True(
            components.Count(component => component.Entity["metadata"]?["annotations"]?["backstage.io/techdocs-ref"] is not null) >= 5,
            "at least 5 components with docs");
    }

    [Fact]
    public void Demo_folder_stays_small()
    {
        var bytes = Directory.EnumerateFiles(demo.Root, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

        Assert.True(bytes < MaxFolderBytes, $"The demo folder is {bytes} bytes; keep it under {MaxFolderBytes}");
    }

    private static IEnumerable<string> Children(DemoEntity group) =>
        (group.Spec["children"] as JsonArray ?? []).Select(child => child!.GetValue<string>());

    private JsonObject ParseDefinition(DemoEntity api)
    {
        var text = api.SpecString("definition");
        Assert.False(string.IsNullOrWhiteSpace(text), $"{api} has no definition");
        var parsed = demo.Parser.ParseValue(text, api.File);
        Assert.True(parsed.Problem is null, $"{api}: definition is not valid YAML: {parsed.Problem}");
        return Assert.IsType<JsonObject>(parsed.Value);
    }

    /// <summary>Every <c>$ref</c> value that points inside the same document (<c>#/components/...</c>).</summary>
    private static IEnumerable<string> LocalRefs(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(pair =>
            pair.Key == "$ref" && pair.Value is JsonValue value && value.GetValue<string>().StartsWith("#/", StringComparison.Ordinal)
                ? [value.GetValue<string>()]
                : LocalRefs(pair.Value)),
        JsonArray list => list.SelectMany(LocalRefs),
        _ => [],
    };

    private static bool Resolves(JsonObject document, string reference)
    {
        JsonNode? node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node is JsonObject map && map.TryGetPropertyValue(segment.Replace("~1", "/").Replace("~0", "~"), out var next) ? next : null;
        }

        return node is not null && node.GetValueKind() == JsonValueKind.Object;
    }
}
