using System.Diagnostics;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.DemoCatalog;

/// <summary>
/// The demo's golden path, "ASP.NET Core service": its skeleton renders into a service whose catalog entry validates
/// and which builds. The build test renders with the scaffolder engine itself (a dry run through the API, the way the
/// Create page runs it); the structural checks use <see cref="SkeletonStandInRenderer"/>, which understands only plain
/// <c>${{ values.x }}</c> forms and fails on anything else, so they also prove the skeleton stays that simple.
/// </summary>
public sealed class AspNetCoreServiceTemplateTests(DemoCatalogFixture demo) : IClassFixture<DemoCatalogFixture>, IDisposable
{
    private readonly string _target = Path.Combine(Path.GetTempPath(), "greenroom-golden-path-" + Guid.NewGuid().ToString("N"));

    private DemoEntity Template => Assert.Single(demo.OfKind("Template"), t => t.Ref!.Value.Name == "aspnet-core-service");

    private JsonObject FetchStep => Assert.IsType<JsonObject>(Assert.Single(
        Template.Spec["steps"]!.AsArray(), step => step!["action"]!.GetValue<string>() == "fetch:template"));

    private string Skeleton => Path.Combine(demo.Root, "templates", "aspnet-core-service", "skeleton");

    public void Dispose()
    {
        if (Directory.Exists(_target))
        {
            Directory.Delete(_target, recursive: true);
        }
    }

    [Fact]
    public void Template_publishes_and_registers_what_it_fetches()
    {
        var actions = Template.Spec["steps"]!.AsArray().Select(step => step!["action"]!.GetValue<string>()).ToList();

        Assert.Equal(["fetch:template", "publish:git", "catalog:register"], actions);
        Assert.Equal("./skeleton", FetchStep["input"]!["url"]!.GetValue<string>());
        var parameters = Template.Spec["parameters"]!.AsArray().SelectMany(page => page!["properties"]!.AsObject().Select(p => p.Key)).ToList();
        Assert.Equal(["name", "description", "owner", "system", "dotnetVersion", "port", "repoUrl"], parameters);
        Assert.Equal(["Repository", "Open in catalog"], Template.Spec["output"]!["links"]!.AsArray().Select(link => link!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_expression_in_the_skeleton_names_a_value_the_template_passes()
    {
        var passed = FetchStep["input"]!["values"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var used = SkeletonStandInRenderer.ValuePaths(Skeleton, CopyWithoutTemplating()).ToHashSet(StringComparer.Ordinal);

        Assert.All(used, path => Assert.Contains(path.Split('.')[0], passed));
        Assert.Superset(new HashSet<string> { "name", "description", "owner", "system", "dotnetVersion", "port" }, used);
    }

    [Fact]
    public void Rendered_catalog_entry_validates_with_owner_system_docs_and_source_location()
    {
        Render();
        var parsed = new DescriptorParser().Parse(File.ReadAllText(Path.Combine(_target, "catalog-info.yaml")), "catalog-info.yaml");
        var entity = Assert.Single(parsed.Documents).Entity;

        Assert.Empty(parsed.Problems);
        Assert.Empty(new EntityValidator().Validate(entity));
        Assert.Equal(new EntityRef("Component", "default", "parcel-labels"), EntityFields.RefOf(entity));
        Assert.Equal("Prints \"labels\": one per parcel, #1 in speed", entity["metadata"]!["description"]!.GetValue<string>());
        Assert.Equal("group:default/platform-team", entity["spec"]!["owner"]!.GetValue<string>());
        Assert.Equal("system:default/shipment-booking", entity["spec"]!["system"]!.GetValue<string>());
        var annotations = entity["metadata"]!["annotations"]!;
        Assert.Equal("dir:.", annotations["backstage.io/techdocs-ref"]!.GetValue<string>());
        Assert.Equal("url:https://github.com/halyard-logistics/parcel-labels/tree/main/", annotations["backstage.io/source-location"]!.GetValue<string>());

        var mkdocs = new DescriptorParser().ParseValue(File.ReadAllText(Path.Combine(_target, "mkdocs.yml")), "mkdocs.yml");
        Assert.Null(mkdocs.Problem);
        Assert.Equal("parcel-labels", mkdocs.Value!["site_name"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(_target, "docs", "index.md")));
    }

    [Fact]
    public void Rendered_service_has_ci_a_non_root_multi_stage_dockerfile_and_no_expression_left()
    {
        Render();

        var dockerfile = File.ReadAllLines(Path.Combine(_target, "Dockerfile"));
        Assert.Equal(2, dockerfile.Count(line => line.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        var ci = File.ReadAllText(Path.Combine(_target, ".github", "workflows", "ci.yml"));
        Assert.All(["dotnet restore", "dotnet build", "dotnet test"], step => Assert.Contains(step, ci, StringComparison.Ordinal));
        Assert.All(
            Directory.EnumerateFiles(_target, "*", SearchOption.AllDirectories).Where(file => !file.Contains("workflows", StringComparison.Ordinal)),
            file => Assert.DoesNotContain("${{", File.ReadAllText(file) + Path.GetRelativePath(_target, file), StringComparison.Ordinal));
    }

    /// <summary>The one real build of this suite (about half a minute): the rendered solution restores and compiles, tests included.</summary>
    [Fact]
    public async Task Rendered_service_builds_with_dotnet_build()
    {
        await RenderWithEngineAsync();

        var (exitCode, output) = await DotnetAsync(_target, "build", "parcel-labels.slnx", "--disable-build-servers", "-nologo", "-v:q");

        Assert.True(exitCode == 0, $"dotnet build of the rendered service failed:\n{output}");
        Assert.True(File.Exists(Path.Combine(_target, "src", "parcel-labels", "bin", "Debug", "net10.0", "parcel-labels.dll")), output);
        Assert.True(File.Exists(Path.Combine(_target, "tests", "parcel-labels.Tests", "bin", "Debug", "net10.0", "parcel-labels.Tests.dll")), output);
    }

    private IReadOnlyList<string> CopyWithoutTemplating() =>
        FetchStep["input"]!["copyWithoutTemplating"]!.AsArray().Select(glob => glob!.GetValue<string>()).ToList();

    private void Render()
    {
        var values = new JsonObject
        {
            ["name"] = "parcel-labels",
            ["description"] = "Prints \"labels\": one per parcel, #1 in speed",
            ["owner"] = "group:default/platform-team",
            ["system"] = "system:default/shipment-booking",
            ["dotnetVersion"] = "10.0",
            ["port"] = 8080,
            ["destination"] = new JsonObject { ["host"] = "github.com", ["owner"] = "halyard-logistics", ["repo"] = "parcel-labels" },
        };
        SkeletonStandInRenderer.Render(Skeleton, _target, values, CopyWithoutTemplating());
    }

    /// <summary>Renders the whole template with the scaffolder engine (dry run) and writes what it produced to the target.</summary>
    private async Task RenderWithEngineAsync()
    {
        var folder = Path.GetDirectoryName(Skeleton)!;
        var files = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(Skeleton, "*", SearchOption.AllDirectories))
        {
            files.Add(new JsonObject
            {
                ["path"] = Path.GetRelativePath(folder, file).Replace('\\', '/'),
                ["base64Content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file)),
            });
        }

        await using var server = await Scaffolder.ScaffolderServer.StartAsync();
        var body = await server.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", new JsonObject
        {
            ["template"] = Greenroom.Scaffolder.Model.TemplateYaml.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "template.yaml")), "template.yaml"),
            ["values"] = new JsonObject
            {
                ["name"] = "parcel-labels",
                ["description"] = "Prints \"labels\": one per parcel, #1 in speed",
                ["owner"] = "group:default/platform-team",
                ["system"] = "system:default/shipment-booking",
                ["repoUrl"] = "github.com?owner=halyard-logistics&repo=parcel-labels",
            },
            ["directoryContents"] = files,
        });

        foreach (var produced in body["directoryContents"]!.AsArray())
        {
            var path = Path.Combine(_target, produced!["path"]!.GetValue<string>());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, Convert.FromBase64String(produced["base64Content"]!.GetValue<string>()));
        }
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild settings would point the child build at this build's SDK state.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
