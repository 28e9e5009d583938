using System.Text.Json.Nodes;
using Greenroom.Catalog.Ingestion;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Stitching;
using Greenroom.Catalog.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog;

/// <summary>
/// The catalog engine: every write goes through here. Location passes run one at a time (a single writer keeps
/// ingestion and stitching consistent without store-level locking), each followed at once by stitching.
/// </summary>
internal sealed partial class CatalogEngine(
    ICatalogStore store,
    LocationPassReader passReader,
    LocationIngestor ingestor,
    Stitcher stitcher,
    ProcessedFileCache fileCache,
    EntityValidator validator,
    UrlSourceReader urlReader,
    IOptions<ReadingOptions> readingOptions,
    CatalogPaths paths,
    CatalogProgress progress,
    CatalogMetrics metrics,
    TimeProvider timeProvider,
    ILogger<CatalogEngine> logger) : ICatalogOperations, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Raised after a location is added or removed (the refresh service re-targets its file watchers).</summary>
    internal event Action? LocationsChanged;

    /// <inheritdoc />
    public async Task<LocationRegistration> RegisterLocationAsync(string type, string target, bool dryRun, CancellationToken cancellationToken)
    {
        EnsureValidLocation(type, target);
        if (dryRun)
        {
            var existing = await store.FindLocationAsync(type, target, cancellationToken).ConfigureAwait(false);
            var pass = await passReader.ReadAsync(type, target, cancellationToken).ConfigureAwait(false);
            if (pass.RootUnreadable)
            {
                throw new CatalogInputException(string.Join("; ", pass.Problems.Select(p => p.ToString())), pass.Problems.FirstOrDefault()?.Name ?? "InputError");
            }

            var record = existing ?? new LocationRecord(Guid.NewGuid(), type, target, LocationOrigin.Api, timeProvider.GetUtcNow(), LocationStatus.Pending);
            var entities = pass.Entities.Where(e => !e.Failed).Select(e => e.Entity!).ToList();
            return new LocationRegistration(record, entities, existing is not null);
        }

        var (location, report) = await AddAndIngestAsync(new LocationSpec(type, target, LocationOrigin.Api), cancellationToken).ConfigureAwait(false);
        var stored = await store.GetEntitiesByRefsAsync(report.EntityRefs, cancellationToken).ConfigureAwait(false);
        var json = stored.OfType<StoredEntity>().Select(e => JsonNode.Parse(e.Json)!.AsObject()).ToList();
        return new LocationRegistration(location, json, false);
    }

    /// <inheritdoc />
    public async Task<bool> UnregisterLocationAsync(Guid id, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var location = await store.GetLocationAsync(id, cancellationToken).ConfigureAwait(false);
            var removed = location is null ? [] : (await store.GetContentHashesAsync(id, cancellationToken).ConfigureAwait(false)).Keys.ToList();
            var targets = await store.DeleteLocationAsync(id, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await stitcher.DrainAsync(cancellationToken).ConfigureAwait(false);
            await stitcher.NotifyRemovedAsync(removed, cancellationToken).ConfigureAwait(false);
            if (location is not null)
            {
                fileCache.Forget($"{location.Type}:{location.Target}");
            }

            if (targets is not null)
            {
                LocationsChanged?.Invoke();
            }

            return targets is not null;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> RefreshEntityAsync(string entityRef, CancellationToken cancellationToken)
    {
        if (!EntityRef.TryParse(entityRef, out var reference, out _))
        {
            throw new CatalogInputException($"Invalid entity ref '{entityRef}': expected kind:namespace/name");
        }

        var sources = await store.GetStitchSourcesAsync([reference.ToKey()], cancellationToken).ConfigureAwait(false);
        if (sources.Count == 0)
        {
            return false;
        }

        var location = await store.GetLocationAsync(sources[0].LocationId, cancellationToken).ConfigureAwait(false);
        if (location is null)
        {
            return false;
        }

        await IngestExclusiveAsync(location, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> RefreshLocationAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await store.GetLocationAsync(id, cancellationToken).ConfigureAwait(false);
        if (location is null)
        {
            return false;
        }

        await IngestExclusiveAsync(location, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        var locations = await store.ListLocationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var location in locations)
        {
            await IngestExclusiveAsync(location, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteEntityAsync(string uid, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entity = await store.GetEntityByUidAsync(uid, cancellationToken).ConfigureAwait(false);
            var targets = await store.DeleteEntityAsync(uid, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await stitcher.DrainAsync(cancellationToken).ConfigureAwait(false);
            if (entity is not null)
            {
                await stitcher.NotifyRemovedAsync([entity.EntityRef], cancellationToken).ConfigureAwait(false);
            }

            return targets is not null;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<CatalogProblem> ValidateEntity(JsonObject entity, string location)
    {
        var problems = new List<CatalogProblem>();
        var colon = location?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == location!.Length - 1)
        {
            problems.Add(new CatalogProblem($"Location must be of the form type:target, got '{location}'", Field: "location"));
        }

        // The validator must not see (or change) the caller's object.
        problems.AddRange(validator.Validate(entity.DeepClone().AsObject()));
        return problems;
    }

    /// <inheritdoc />
    public async Task<LocationAnalysis> AnalyzeLocationAsync(string type, string target, CancellationToken cancellationToken)
    {
        EnsureValidLocation(type, target);
        var pass = await passReader.ReadAsync(type, target, cancellationToken).ConfigureAwait(false);
        var files = new List<AnalyzedFile>();
        foreach (var group in pass.Entities.Where(e => !e.Failed).GroupBy(e => e.Source))
        {
            var registered = await store.FindLocationAsync(group.Key.Type, group.Key.Target, cancellationToken).ConfigureAwait(false)
                ?? await store.FindLocationAsync(type, target, cancellationToken).ConfigureAwait(false);
            files.Add(new AnalyzedFile(group.Key.Type, group.Key.Target, group.Select(e => e.Entity!).ToList(), registered is not null));
        }

        return new LocationAnalysis(files, pass.Problems);
    }

    /// <summary>Adds a location (any origin) and ingests and stitches it before returning.</summary>
    internal async Task<(LocationRecord Location, LocationPassReport Report)> AddAndIngestAsync(LocationSpec spec, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var location = await store.AddLocationAsync(spec, cancellationToken).ConfigureAwait(false);
            var report = await IngestCoreAsync(location, cancellationToken).ConfigureAwait(false);
            var updated = await store.GetLocationAsync(location.Id, cancellationToken).ConfigureAwait(false) ?? location;
            LocationsChanged?.Invoke();
            return (updated, report);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Runs one pass over <paramref name="location"/> and stitches, waiting for any running pass first.</summary>
    internal async Task<LocationPassReport> IngestExclusiveAsync(LocationRecord location, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await IngestCoreAsync(location, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Stitches whatever the queue holds (crash recovery at start).</summary>
    internal async Task<int> StitchPendingAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await stitcher.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Removes a location without going through the API (configuration sync).</summary>
    internal Task<bool> RemoveLocationAsync(Guid id, CancellationToken cancellationToken) => UnregisterLocationAsync(id, cancellationToken);

    private async Task<LocationPassReport> IngestCoreAsync(LocationRecord location, CancellationToken cancellationToken)
    {
        var report = await ingestor.IngestAsync(location, cancellationToken).ConfigureAwait(false);
        await stitcher.DrainAsync(cancellationToken).ConfigureAwait(false);
        var outcome = report.Outcome;
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        LogPass(
            logger,
            $"{location.Type}:{location.Target}",
            outcome.Added.Count,
            outcome.Updated.Count,
            outcome.Unchanged,
            outcome.Orphaned.Count,
            report.Problems.Count,
            report.FilesReused,
            report.FilesRead,
            (long)report.Elapsed.TotalMilliseconds,
            Math.Round(report.DocumentsRead / seconds));
        if (report.StoreWriteTime is { } writes && report.ReaderWaitTime is { } waits)
        {
            LogPassWrites(logger, $"{location.Type}:{location.Target}", (long)writes.TotalMilliseconds, (long)waits.TotalMilliseconds);
        }

        progress.PassCompleted(report.DocumentsRead, timeProvider.GetUtcNow(), report.Elapsed);
        metrics.RecordPass(report.DocumentsRead, report.Problems.Count, report.Elapsed);
        return report;
    }

    private void EnsureValidLocation(string type, string target)
    {
        if (LocationTargetRules.Check(type, target) is { } problem)
        {
            throw new CatalogInputException($"Location {problem.Key.ToLowerInvariant()} {problem.Message}");
        }

        if (type == "file")
        {
            EnsureAllowedFileRoot(target);
        }

        if (type == "url")
        {
            try
            {
                urlReader.EnsureAllowed(new Uri(target));
            }
            catch (LocationReadException exception)
            {
                throw new CatalogInputException(exception.Message, exception.Name);
            }
        }
    }

    private void EnsureAllowedFileRoot(string target)
    {
        var roots = readingOptions.Value.AllowedFileRoots;
        var path = SourceResolver.RootAddress("file", target, paths.BaseDirectory).Target;
        if (roots.Count == 0)
        {
            throw new CatalogInputException(
                $"Registering file locations through the API is disabled ({path}); add its folder to {ReadingOptions.SectionName}:AllowedFileRoots, or configure it under {CatalogOptions.SectionName}:Locations",
                "NotAllowedError");
        }

        if (!roots.Any(root => SourceResolver.IsWithin(Path.GetFullPath(root, paths.BaseDirectory), path)))
        {
            throw new CatalogInputException(
                $"{path} is outside the folders file locations may be registered from ({ReadingOptions.SectionName}:AllowedFileRoots: {string.Join(", ", roots)})",
                "NotAllowedError");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingested {Location}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Orphaned} orphaned, {Errors} errors; {Reused} of {Files} files unchanged; in {Elapsed} ms ({Rate} entities/s)")]
    private static partial void LogPass(
        ILogger logger, string location, int added, int updated, int unchanged, int orphaned, int errors, int reused, int files, long elapsed, double rate);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Pass of {Location}: store writes took {Writes} ms, the reader waited {Waits} ms for them")]
    private static partial void LogPassWrites(ILogger logger, string location, long writes, long waits);
}
