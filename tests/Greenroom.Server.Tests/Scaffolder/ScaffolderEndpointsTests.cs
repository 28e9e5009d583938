using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Tasks;
using Greenroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.Scaffolder;

public sealed class ScaffolderEndpointsTests : IAsyncLifetime
{
    private const string Secret = "tok-9f8e7d6c5b4a";

    private const string ServiceTemplate = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: service
          title: Service
          tags: [dotnet]
        spec:
          owner: team-a
          type: service
          parameters:
            - title: About
              required: [name, owner]
              properties:
                name: {type: string, pattern: '^[a-z][a-z0-9-]*$'}
                owner: {type: string, ui:field: OwnerPicker}
                description: {type: string}
            - title: Where
              required: [remote]
              properties:
                remote: {type: string}
          steps:
            - id: fetch
              name: Fetch skeleton
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
                  owner: ${{ parameters.owner }}
                  description: ${{ parameters.description }}
            - id: publish
              name: Publish
              action: publish:git
              input:
                remoteUrl: ${{ parameters.remote }}
                token: ${{ secrets.TOKEN }}
          output:
            links:
              - title: Repository
                url: ${{ steps.publish.output.remoteUrl }}
        """;

    private static readonly Dictionary<string, string> Skeleton = new()
    {
        ["skeleton/catalog-info.yaml"] = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: ${{ values.name | dump }}
              {%- if values.description %}
              description: ${{ values.description | dump }}
              {%- endif %}
            spec:
              type: service
              lifecycle: experimental
              owner: ${{ values.owner | dump }}
            """,
        ["skeleton/README.md"] = "# ${{ values.name }}\n",
    };

    private ScaffolderServer _server = null!;

    public async Task InitializeAsync() => _server = await ScaffolderServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client => _server.Client;

    [Fact]
    public async Task Runs_a_task_streams_its_log_and_publishes_to_a_bare_repository()
    {
        await _server.RegisterTemplateAsync("service", ServiceTemplate, Skeleton);
        var remote = Path.Combine(_server.Remotes, "petstore.git");
        Directory.CreateDirectory(remote);
        ScaffolderServer.Git(remote, "init", "--bare", "--quiet");

        var created = await Client.PostJsonAsync("/api/scaffolder/v2/tasks", new
        {
            templateRef = "template:default/service",
            values = new { name = "petstore", owner = "team-a", remote = new Uri(remote).AbsoluteUri },
            secrets = new Dictionary<string, string> { ["TOKEN"] = Secret },
        }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var events = await _server.ReadStreamAsync(id);

        Assert.Equal("completion", events[^1].Type);
        Assert.Equal("completed", events[^1].Data["body"]!["status"]!.GetValue<string>());
        Assert.Contains(events, e => e.Data["body"]!["stepId"]?.GetValue<string>() == "fetch" && e.Data["body"]!["status"]?.GetValue<string>() == "completed");
        Assert.Equal(new Uri(remote).AbsoluteUri, events[^1].Data["body"]!["output"]!["links"]![0]!["url"]!.GetValue<string>());
        var catalogInfo = ScaffolderServer.Git(remote, "show", "main:catalog-info.yaml");
        Assert.Contains("name: \"petstore\"\nspec:", catalogInfo, StringComparison.Ordinal);

        var task = await Client.GetJsonAsync($"/api/scaffolder/v2/tasks/{id}");
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal("petstore", task["spec"]!["parameters"]!["name"]!.GetValue<string>());
        Assert.Equal("template:default/service", task["spec"]!["templateInfo"]!["entityRef"]!.GetValue<string>());
        var list = await Client.GetJsonAsync("/api/scaffolder/v2/tasks?createdBy=user:default/guest");
        Assert.Equal(1, list["totalTasks"]!.GetValue<int>());
        var replay = await Client.GetJsonAsync($"/api/scaffolder/v2/tasks/{id}/events");
        Assert.Equal(events.Count, replay.AsArray().Count);
        Assert.DoesNotContain(Secret, task.ToJsonString() + replay.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_server.Catalog.DataDirectory, "scaffolder-work")));
    }

    [Fact]
    public async Task Secret_transformed_into_a_log_fails_the_task_and_is_stored_nowhere()
    {
        await _server.RegisterTemplateAsync("leaky", """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: leaky}
            spec:
              type: service
              owner: team-a
              steps:
                - id: log
                  action: debug:log
                  input: {message: 'token ${{ secrets.TOKEN | upper | replace("-", "_") }}'}
            """);

        var created = await Client.PostJsonAsync("/api/scaffolder/v2/tasks", new
        {
            templateRef = "template:default/leaky",
            values = new { },
            secrets = new Dictionary<string, string> { ["TOKEN"] = Secret },
        }, HttpStatusCode.Created);
        var events = await _server.ReadStreamAsync(created["id"]!.GetValue<string>());

        var completion = events[^1].Data["body"]!;
        Assert.Equal("failed", completion["status"]!.GetValue<string>());
        Assert.Contains("Step 'log' input.message uses a secret", completion["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = string.Concat(Directory.EnumerateFiles(_server.Catalog.DataDirectory, "greenroom.db*").Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            return reader.ReadToEnd();
        }));
        foreach (var form in new[] { Secret, Secret.ToUpperInvariant(), Secret.ToUpperInvariant().Replace('-', '_') })
        {
            Assert.DoesNotContain(form, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(form, string.Join("\n", events.Select(e => e.Data.ToJsonString())), StringComparison.Ordinal);
            Assert.DoesNotContain(_server.Factory.Logs.Entries, entry => entry.Message.Contains(form, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Invalid_values_answer_400_naming_each_field()
    {
        await _server.RegisterTemplateAsync("service", ServiceTemplate, Skeleton);

        var body = await Client.PostJsonAsync("/api/scaffolder/v2/tasks", new
        {
            templateRef = "template:default/service",
            values = new { name = "Not Valid", remote = 42 },
        }, HttpStatusCode.BadRequest);

        Assert.Equal("InputError", body["error"]!["name"]!.GetValue<string>());
        var errors = body["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.StartsWith("parameters.name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("parameters.remote:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("parameters:", StringComparison.Ordinal) && e.Contains("owner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_template_and_task_answer_404()
    {
        var body = await Client.PostJsonAsync("/api/scaffolder/v2/tasks", new { templateRef = "template:default/nope", values = new { } }, HttpStatusCode.NotFound);
        Assert.Equal("NotFoundError", body["error"]!["name"]!.GetValue<string>());
        await Client.GetJsonAsync("/api/scaffolder/v2/tasks/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound);
        await Client.GetJsonAsync("/api/scaffolder/v2/templates/default/template/nope/parameter-schema", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serves_the_parameter_schema_and_the_actions()
    {
        await _server.RegisterTemplateAsync("service", ServiceTemplate, Skeleton);

        var schema = await Client.GetJsonAsync("/api/scaffolder/v2/templates/default/template/service/parameter-schema");
        var actions = await Client.GetJsonAsync("/api/scaffolder/v2/actions");

        Assert.Equal("Service", schema["title"]!.GetValue<string>());
        Assert.Equal(["About", "Where"], schema["steps"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
        Assert.Equal("OwnerPicker", schema["steps"]![0]!["schema"]!["properties"]!["owner"]!["ui:field"]!.GetValue<string>());
        var ids = actions.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["catalog:register", "catalog:write", "debug:log", "fetch:plain", "fetch:plain:file", "fetch:template", "fs:delete", "fs:rename", "publish:git"],
            ids);
        Assert.All(actions.AsArray(), a => Assert.Equal("object", a!["schema"]!["input"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Dry_run_returns_log_files_output_and_steps()
    {
        var template = TemplateJson(ServiceTemplate);

        var body = await Client.PostJsonAsync("/api/scaffolder/v2/dry-run", new
        {
            template,
            values = new { name = "petstore", owner = "team-a", description = "Pets", remote = "file:///nowhere.git" },
            secrets = new Dictionary<string, string>(),
            directoryContents = Skeleton.Select(f => new { path = f.Key, base64Content = Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Value)) }),
        });

        var files = body["directoryContents"]!.AsArray().ToDictionary(f => f!["path"]!.GetValue<string>(), f => Encoding.UTF8.GetString(Convert.FromBase64String(f!["base64Content"]!.GetValue<string>())));
        Assert.Equal("# petstore\n", files["README.md"]);
        Assert.Contains("  description: \"Pets\"\n", files["catalog-info.yaml"], StringComparison.Ordinal);
        Assert.Equal(["fetch", "publish"], body["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Contains(body["log"]!.AsArray(), l => l!["body"]!["message"]!.GetValue<string>().Contains("would be refused", StringComparison.Ordinal));
        Assert.Equal("file:///nowhere.git", body["output"]!["links"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_with_a_skeleton_syntax_error_answers_400_with_file_line_and_log()
    {
        var files = new Dictionary<string, string>(Skeleton) { ["skeleton/docs/index.md"] = "# Docs\n\n${{ values.name | }}\n" };

        var body = await Client.PostJsonAsync("/api/scaffolder/v2/dry-run", new
        {
            template = TemplateJson(ServiceTemplate),
            values = new { name = "petstore", owner = "team-a", remote = "x" },
            directoryContents = files.Select(f => new { path = f.Key, base64Content = Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Value)) }),
        }, HttpStatusCode.BadRequest);

        Assert.Equal("TemplateSyntaxError", body["error"]!["name"]!.GetValue<string>());
        Assert.Equal("skeleton/docs/index.md", body["details"]!["file"]!.GetValue<string>());
        Assert.Equal(3, body["details"]!["line"]!.GetValue<int>());
        Assert.Contains(body["log"]!.AsArray(), l => l!["body"]!["message"]!.GetValue<string>() == "Beginning step Fetch skeleton");
    }

    [Fact]
    public async Task Dry_run_refuses_template_files_that_escape_their_folder()
    {
        var body = await Client.PostJsonAsync("/api/scaffolder/v2/dry-run", new
        {
            template = TemplateJson(ServiceTemplate),
            values = new { name = "petstore", owner = "team-a", remote = "x" },
            directoryContents = new[] { new { path = "../../outside.txt", base64Content = "eA==" } },
        }, HttpStatusCode.BadRequest);

        Assert.Contains("directoryContents[0] (../../outside.txt)", body["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_cut_off_by_a_restart_ends_failed_with_the_reason()
    {
        using var catalog = new FixtureCatalog();
        var first = await ScaffolderServer.StartAsync(catalog);
        var store = first.Factory.Services.GetRequiredService<IScaffolderTaskStore>();
        await store.CreateTaskAsync(new ScaffolderTask("interrupted", [], ScaffolderTaskStatus.Processing, "user:default/guest", DateTimeOffset.UtcNow, null), CancellationToken.None);
        await store.AppendEventAsync("interrupted", TaskLogEvent.Log("Beginning step x", "x", "processing"), DateTimeOffset.UtcNow, CancellationToken.None);
        first.Client.Dispose();
        await first.Factory.DisposeAsync();

        await using var second = new GreenroomAppFactory(catalog);
        using var client = await second.CreateIdleClientAsync();
        var task = await client.GetJsonAsync("/api/scaffolder/v2/tasks/interrupted");
        var events = await client.GetJsonAsync("/api/scaffolder/v2/tasks/interrupted/events");

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var completion = events.AsArray()[^1]!;
        Assert.Equal("completion", completion["type"]!.GetValue<string>());
        Assert.Contains("cut off by a server restart", completion["body"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject TemplateJson(string yaml) => Greenroom.Scaffolder.Model.TemplateYaml.Parse(yaml, "template.yaml");
}
