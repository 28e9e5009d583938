using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>
/// Every Template in the corpus loads into the catalog and its parameter schema is served; every one is dry-run as
/// written (answering 400 that names the action when it uses one Greenroom does not have), and again with only the
/// steps whose actions are built in, so the real skeletons render.
/// </summary>
public sealed class CorpusTemplateTests(CorpusTemplateTests.Server server) : IClassFixture<CorpusTemplateTests.Server>
{
    private static readonly HashSet<string> BuiltIn =
        ["fetch:template", "fetch:plain", "fetch:plain:file", "debug:log", "catalog:write", "fs:delete", "fs:rename", "catalog:register", "publish:git"];

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var path in TemplatePaths())
        {
            data.Add(Path.GetRelativePath(Corpus.Root, path));
        }

        return data;
    }

    private static IEnumerable<string> TemplatePaths() =>
        Directory.EnumerateFiles(Corpus.Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => f.Contains("template", StringComparison.OrdinalIgnoreCase))
            .Where(f => File.ReadAllText(f).Contains("kind: Template", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_corpus_has_templates()
    {
        Assert.True(TemplatePaths().Count() >= 10, "GREENROOM_CORPUS must point at the corpus folder holding software-templates/ and demo/");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_loads_and_its_parameter_schema_is_served(string relative)
    {
        var entity = TemplateYaml.Parse(await File.ReadAllTextAsync(Corpus.PathOf(relative)), relative);
        var name = entity["metadata"]!["name"]!.GetValue<string>();

        var schema = await server.Client.GetJsonAsync($"/api/scaffolder/v2/templates/default/template/{name}/parameter-schema");

        var parameters = entity["spec"]!["parameters"];
        var expected = parameters is JsonArray list ? list.Count : parameters is null ? 0 : 1;
        Assert.Equal(expected, schema["steps"]!.AsArray().Count);
        Assert.All(schema["steps"]!.AsArray(), step => Assert.NotNull(step!["schema"]));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_dry_runs_as_written_or_names_the_missing_action(string relative)
    {
        var (entity, values, files) = await LoadAsync(relative);
        var missing = entity["spec"]!["steps"]!.AsArray().Select(s => s!["action"]!.GetValue<string>()).FirstOrDefault(a => !BuiltIn.Contains(a));

        var response = await server.Client.PostAsync(new Uri("/api/scaffolder/v2/dry-run", UriKind.Relative), Json(entity, values, files));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        if (missing is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"uses action '{missing}', which is not installed", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_steps_with_built_in_actions_render_the_real_skeleton(string relative)
    {
        var (entity, values, files) = await LoadAsync(relative);
        var folder = Path.GetDirectoryName(Corpus.PathOf(relative))!;
        var kept = new JsonArray();
        foreach (var step in entity["spec"]!["steps"]!.AsArray())
        {
            var action = step!["action"]!.GetValue<string>();
            var url = step["input"]?["url"]?.GetValue<string>();
            var local = url is null || (!url.Contains("://", StringComparison.Ordinal) && Directory.Exists(Path.Combine(folder, url)));
            if (action is "fetch:template" or "fetch:plain" or "debug:log" or "catalog:write" or "fs:delete" or "fs:rename" && local)
            {
                kept.Add(step.DeepClone());
            }
        }

        entity["spec"]!["steps"] = kept;
        entity["spec"]!.AsObject().Remove("output");

        var body = await server.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", Json(entity, values, files).ReadFromJsonNode());

        var produced = body["directoryContents"]!.AsArray().ToDictionary(
            f => f!["path"]!.GetValue<string>(), f => Encoding.UTF8.GetString(Convert.FromBase64String(f!["base64Content"]!.GetValue<string>())));
        if (produced.TryGetValue("catalog-info.yaml", out var catalogInfo))
        {
            var written = TemplateYaml.Parse(catalogInfo, "catalog-info.yaml");
            Assert.Equal("sample-service", written["metadata"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(kept.Count, body["log"]!.AsArray().Count(l => l!["body"]!["status"]?.GetValue<string>() is "completed" or "skipped"));
    }

    [Fact]
    public async Task Skeleton_writing_to_parent_folders_fails_clearly_and_writes_nothing_outside()
    {
        var template = TemplateYaml.Parse("""
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: escape}
            spec:
              steps:
                - id: fetch
                  action: fetch:template
                  input: {url: ./skeleton, values: {target: '../../outside'}}
            """, "escape.yaml");
        var files = new JsonArray(new JsonObject { ["path"] = "skeleton/${{ values.target }}/escaped.txt", ["base64Content"] = Convert.ToBase64String("x"u8.ToArray()) });

        var body = await server.Client.PostJsonAsync("/api/scaffolder/v2/dry-run",
            new JsonObject { ["template"] = template, ["values"] = new JsonObject(), ["directoryContents"] = files }, HttpStatusCode.BadRequest);

        Assert.Contains("contains '..'", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Step 'fetch'", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(server.Catalog.Root, "escaped.txt", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(server.Catalog.DataDirectory, "..", "outside")));
        Assert.False(Directory.Exists(Path.Combine(server.Catalog.DataDirectory, "outside")));
    }

    private static async Task<(JsonObject Entity, JsonObject Values, JsonArray Files)> LoadAsync(string relative)
    {
        var path = Corpus.PathOf(relative);
        var entity = TemplateYaml.Parse(await File.ReadAllTextAsync(path), relative);
        var folder = Path.GetDirectoryName(path)!;
        var files = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f != path))
        {
            files.Add(new JsonObject
            {
                ["path"] = Path.GetRelativePath(folder, file).Replace('\\', '/'),
                ["base64Content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file)),
            });
        }

        return (entity, SampleValues(entity), files);
    }

    /// <summary>Values a person could type: every property of every parameter step gets one that fits its schema.</summary>
    private static JsonObject SampleValues(JsonObject entity)
    {
        var values = new JsonObject();
        var parameters = entity["spec"]!["parameters"];
        foreach (var step in parameters is JsonArray list ? list.OfType<JsonObject>() : parameters is JsonObject one ? [one] : [])
        {
            foreach (var (name, property) in step["properties"] as JsonObject ?? [])
            {
                values[name] = Sample(name, property as JsonObject ?? []);
            }
        }

        return values;
    }

    private static JsonNode? Sample(string name, JsonObject property)
    {
        if (property["enum"] is JsonArray options)
        {
            return options[0]?.DeepClone();
        }

        return property["type"]?.GetValue<string>() switch
        {
            "boolean" => false,
            "number" or "integer" => 1,
            "array" => new JsonArray(property["items"]?["enum"]?[0]?.DeepClone() ?? "item"),
            "object" => new JsonObject(),
            _ when property["ui:field"]?.GetValue<string>() == "RepoUrlPicker" => "github.com?owner=halyard&repo=sample-service",
            _ when property["ui:field"]?.GetValue<string>() is "OwnerPicker" or "EntityPicker" => "group:default/team-a",
            _ when name.Contains("package", StringComparison.OrdinalIgnoreCase) => "io.halyard.sample",
            _ => "sample-service",
        };
    }

    private static StringContent Json(JsonObject entity, JsonObject values, JsonArray files) => new(
        new JsonObject { ["template"] = entity.DeepClone(), ["values"] = values.DeepClone(), ["secrets"] = new JsonObject(), ["directoryContents"] = files.DeepClone() }.ToJsonString(),
        Encoding.UTF8, "application/json");

    /// <summary>One server for the class, with every corpus template registered from its file.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private ScaffolderServer _server = null!;

        public HttpClient Client => _server.Client;

        public FixtureCatalog Catalog => _server.Catalog;

        public async Task InitializeAsync()
        {
            _server = await ScaffolderServer.StartAsync();
            foreach (var path in TemplatePaths())
            {
                await _server.Client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = path }, HttpStatusCode.Created);
            }
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();
    }
}

internal static class ContentExtensions
{
    public static JsonNode ReadFromJsonNode(this StringContent content) =>
        JsonNode.Parse(content.ReadAsStringAsync().GetAwaiter().GetResult())!;
}
