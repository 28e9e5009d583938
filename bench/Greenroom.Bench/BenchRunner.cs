using System.Diagnostics;
using System.Runtime.InteropServices;
using Greenroom.Bench.Generation;
using Greenroom.Bench.Measures;
using Greenroom.Bench.Reporting;
using Greenroom.Bench.Server;

namespace Greenroom.Bench;

/// <summary>
/// One benchmark run: get a catalog, start the server on it, take every measure of the issue in order, restart it
/// for the cold start, check the counts, then print and save the report. The server is always ended.
/// </summary>
internal sealed class BenchRunner(BenchArguments arguments, TextWriter output)
{
    // Periodic passes would overlap the measured ones; the bench triggers the passes it measures itself.
    private static readonly TimeSpan QuietRefreshInterval = TimeSpan.FromHours(6);

    private readonly List<Measure> _measures = [];
    private readonly List<string> _notes = [];
    private readonly Lock _serverLock = new();
    private ServerProcess? _server;
    private bool _countsWrong;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (arguments.Search)
        {
            return await new Search.SearchBench(arguments, output).RunAsync(cancellationToken);
        }

        if (arguments.GenerateOnly)
        {
            await GenerateAsync(arguments.Out!, cancellationToken);
            return 0;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var repository = ServerLocator.RepositoryRoot();
        var serverDll = ServerLocator.ServerDll(arguments.ServerDll);
        var build = ServerBuild.Read(serverDll);
        if (build.Configuration != "Release")
        {
            _notes.Add($"the server is a {build.Configuration ?? "unknown"} build, not Release: its numbers are not comparable");
        }

        if (!build.ReadyToRun)
        {
            _notes.Add("the server build is not ReadyToRun (a plain dotnet build, not dotnet publish): start-up and cold ingestion include compiling it");
        }

        var runRoot = Path.Combine(Path.GetTempPath(), $"greenroom-bench-{startedAt:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var catalogDirectory = Path.GetFullPath(arguments.Catalog ?? arguments.Out ?? Path.Combine(runRoot, "catalog"));
        var manifest = arguments.Catalog is not null
            ? await CatalogWriter.ReadManifestAsync(catalogDirectory, cancellationToken)
            : await GenerateAsync(catalogDirectory, cancellationToken);

        // The generator's object graph is garbage now; give its memory back so the bench does not compete with the
        // server for RAM on a small machine.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        Directory.CreateDirectory(runRoot);
        var settings = new ServerSettings(
            serverDll,
            Path.Combine(runRoot, "data"),
            Path.Combine(catalogDirectory, "catalog-info.yaml"),
            QuietRefreshInterval,
            Path.Combine(runRoot, "server.log"));
        output.WriteLine($"server {serverDll}; log {settings.LogFile}");

        var failed = false;
        try
        {
            await MeasureRunningServerAsync(settings, manifest, catalogDirectory, cancellationToken);
            await MeasureColdStartAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is BenchException or HttpRequestException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            failed = true;
            _notes.Add($"run stopped early: {e.Message}");
            output.WriteLine($"error: {e.Message}");
        }
        finally
        {
            await StopServerAsync();
            if (!arguments.Keep)
            {
                TryDelete(runRoot);
            }
        }

        var report = new BenchReport(
            startedAt,
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            await GitCommit.DescribeAsync(repository, CancellationToken.None),
            manifest.Entities,
            manifest.LocationLayout,
            arguments.Catalog is null ? $"generated, seed {manifest.Seed}, {manifest.Files} files" : "from --catalog",
            _measures,
            _notes);
        output.WriteLine();
        output.Write(ReportWriter.Table(report));
        var resultsDirectory = arguments.Results ?? Path.Combine(repository ?? Directory.GetCurrentDirectory(), "bench-results");
        var json = await ReportWriter.WriteJsonAsync(report, resultsDirectory, CancellationToken.None);
        output.WriteLine($"written {json}");
        // Missed targets are results; a wrong entity or relation count means the run measured a broken catalog.
        return failed || _countsWrong ? 1 : 0;
    }

    /// <summary>Ends the server at once; for process-exit handlers.</summary>
    public void KillServer()
    {
        lock (_serverLock)
        {
            _server?.Kill();
        }
    }

    private async Task MeasureRunningServerAsync(ServerSettings settings, CatalogManifest manifest, string catalogDirectory, CancellationToken cancellationToken)
    {
        var server = StartServer(settings);
        using var client = new CatalogClient(server.BaseAddress, arguments.Timeout);
        var context = new BenchContext(server, client, manifest, catalogDirectory, arguments);

        await Step("cold ingestion", () => ColdIngestion.MeasureAsync(context, cancellationToken));
        if (!arguments.IngestionOnly)
        {
            await MeasureQueriesAndPassesAsync(context, cancellationToken);
        }

        var counts = await Timed("count check", () => CountCheck.MeasureAsync(context, cancellationToken));
        _measures.AddRange(counts);
        _countsWrong = counts.Any(m => m.Met == false);

        await StopServerAsync();
        _measures.Add(Measure.AtMost("peak RSS (VmHWM)", server.SamplePeakRss() / 1048576.0, "MB", 500, "ingestion, queries and passes of the first process"));
        _measures.Add(Measure.AtMost("database size", DiskUsage.DatabaseBytes(settings.DataDirectory) / 1048576.0, "MB", 1024, "greenroom.db* after a clean stop"));
    }

    private async Task MeasureQueriesAndPassesAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await Step("search catch-up", () => SearchCatchUp.MeasureAsync(context, cancellationToken));
        await Step("idle refresh pass", () => RefreshPasses.IdlePassAsync(context, cancellationToken));

        var suite = await QuerySuite.PrepareAsync(context, cancellationToken);
        var idle = await Timed("latency (idle)", () => suite.RunAsync(context, cancellationToken));
        _measures.AddRange(QuerySuite.IdleMeasures(idle));
        await Step("portal pages", () => PageSuite.MeasureAsync(context, cancellationToken));
        await using (var refresher = BackgroundRefresher.Start(context, cancellationToken))
        {
            var busy = await Timed("latency (during refresh passes)", () => suite.RunAsync(context, cancellationToken));
            _measures.AddRange(QuerySuite.BusyMeasures(busy, idle, refresher.Passes));
        }

        await Step("throughput", async () => (IReadOnlyList<Measure>)[await Throughput.MeasureAsync(context, cancellationToken)]);
        await Step("incremental edit", async () => (IReadOnlyList<Measure>)[await IncrementalEdit.MeasureAsync(context, cancellationToken)]);
        await Step("memory over idle passes", () => RefreshPasses.MemoryGrowthAsync(context, cancellationToken));
    }

    private async Task MeasureColdStartAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        var server = StartServer(settings);
        using var client = new CatalogClient(server.BaseAddress, arguments.Timeout);
        await Step("cold start", () => ColdStart.MeasureAsync(server, client, arguments, cancellationToken));
        await StopServerAsync();
    }

    private async Task<CatalogManifest> GenerateAsync(string directory, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var manifest = await CatalogWriter.GenerateAsync(
            new GenerationSettings(arguments.Entities!.Value, arguments.Seed, arguments.Files, arguments.PerFileLocations, directory),
            cancellationToken);
        output.WriteLine($"wrote {manifest.Entities} entities in {manifest.Files} files to {directory} in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"({string.Join(", ", manifest.Counts.Select(c => $"{c.Key}={c.Value}"))}; {manifest.ExpectedRelations} relations)");
        return manifest;
    }

    private ServerProcess StartServer(ServerSettings settings)
    {
        lock (_serverLock)
        {
            _server = ServerProcess.Start(settings);
            return _server;
        }
    }

    private async Task StopServerAsync()
    {
        ServerProcess? server;
        lock (_serverLock)
        {
            server = _server;
            _server = null;
        }

        if (server is not null)
        {
            server.SamplePeakRss();
            await server.DisposeAsync();
        }
    }

    private async Task Step(string name, Func<Task<IReadOnlyList<Measure>>> step) => _measures.AddRange(await Timed(name, step));

    private async Task<T> Timed<T>(string name, Func<Task<T>> step)
    {
        output.Write($"{name}... ");
        var clock = Stopwatch.StartNew();
        var result = await step();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            _notes.Add($"could not delete {directory}: {e.Message}");
        }
    }
}
