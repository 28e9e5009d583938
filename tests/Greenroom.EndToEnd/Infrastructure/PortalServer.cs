using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Greenroom.EndToEnd.Infrastructure;

/// <summary>
/// A real Greenroom on a loopback port (Kestrel, SQLite file in a temporary data folder) with the demo organisation,
/// and a temporary folder the catalog may read, for tests that register descriptors they write.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public PortalServer()
    {
        Root = Directory.CreateTempSubdirectory("greenroom-e2e-").FullName;
        Directory.CreateDirectory(Files);
        UseKestrel(0);
    }

    /// <summary>The temporary root (data folder and files).</summary>
    public string Root { get; }

    /// <summary>A folder the catalog is allowed to read: tests write descriptors here and register them.</summary>
    public string Files => Path.Combine(Root, "files");

    /// <summary>The server's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server and waits until the demo catalog is ingested.</summary>
    public async Task StartAsync()
    {
        StartServer();
        using var client = CreateClient();
        BaseAddress = client.BaseAddress!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
            if (response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))?["ingestion"]?["idle"]?.GetValue<bool>() == true)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Writes a file under <see cref="Files"/> and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Files, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Greenroom:DataDirectory", Path.Combine(Root, "data"));
        builder.UseSetting("Greenroom:Catalog:WatchFiles", "false");
        builder.UseSetting("Greenroom:Reading:AllowedFileRoots:0", Files);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }
}
