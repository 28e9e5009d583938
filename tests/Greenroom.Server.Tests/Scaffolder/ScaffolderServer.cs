using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>A server with a template folder registered in its catalog and a folder of local git remotes it may push to.</summary>
public sealed class ScaffolderServer : IAsyncDisposable
{
    private ScaffolderServer(FixtureCatalog catalog, GreenroomAppFactory factory, HttpClient client)
    {
        Catalog = catalog;
        Factory = factory;
        Client = client;
    }

    public FixtureCatalog Catalog { get; }

    public GreenroomAppFactory Factory { get; }

    public HttpClient Client { get; }

    public string Remotes => Path.Combine(Catalog.Root, "remotes");

    public static async Task<ScaffolderServer> StartAsync(FixtureCatalog? catalog = null)
    {
        catalog ??= new FixtureCatalog();
        Directory.CreateDirectory(Path.Combine(catalog.Root, "remotes"));
        var factory = new GreenroomAppFactory(catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Scaffolder:LocalGitRoots:0"] = Path.Combine(catalog.Root, "remotes"),
            ["Greenroom:Scaffolder:GitRemoteRewrites:0:From"] = "https://git.example.com/",
            ["Greenroom:Scaffolder:GitRemoteRewrites:0:To"] = new Uri(Path.Combine(catalog.Root, "remotes")).AbsoluteUri + "/",
        });
        return new ScaffolderServer(catalog, factory, await factory.CreateIdleClientAsync());
    }

    /// <summary>Writes a template (and its files) under <c>templates/{name}/</c> and registers it; returns its folder.</summary>
    public async Task<string> RegisterTemplateAsync(string name, string templateYaml, IReadOnlyDictionary<string, string>? files = null)
    {
        var folder = Path.Combine(Catalog.Root, "templates", name);
        Directory.CreateDirectory(folder);
        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        var target = Path.Combine(folder, "template.yaml");
        await File.WriteAllTextAsync(target, templateYaml);
        await Client.PostJsonAsync("/api/catalog/locations", new { type = "file", target }, HttpStatusCode.Created);
        return folder;
    }

    /// <summary>Reads the event stream until the completion event; returns every event.</summary>
    public async Task<List<(string Type, JsonNode Data)>> ReadStreamAsync(string taskId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await Client.GetAsync(new Uri($"/api/scaffolder/v2/tasks/{taskId}/eventstream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string, JsonNode)>();
        string? type = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((type!, JsonNode.Parse(line["data: ".Length..])!));
            }
        }

        return events;
    }

    public static string Git(string gitDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--git-dir", gitDir, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Catalog.Dispose();
    }
}
