using System.Diagnostics.Metrics;

namespace Greenroom.Catalog.Refresh;

/// <summary>The catalog's meter (<c>Greenroom.Catalog</c>) and its instruments, exported by the host's OpenTelemetry.</summary>
public sealed class CatalogMetrics : IDisposable
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "Greenroom.Catalog";

    private readonly Meter _meter;
    private readonly Counter<long> _passes;
    private readonly Counter<long> _entities;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _passDuration;

    /// <summary>Creates the meter; <paramref name="progress"/> feeds the observable queue depth.</summary>
    public CatalogMetrics(CatalogProgress progress)
    {
        _meter = new Meter(MeterName);
        _passes = _meter.CreateCounter<long>("greenroom.catalog.passes", description: "Location passes completed");
        _entities = _meter.CreateCounter<long>("greenroom.catalog.entities.processed", description: "Entity documents read");
        _errors = _meter.CreateCounter<long>("greenroom.catalog.errors", description: "Problems found while ingesting");
        _passDuration = _meter.CreateHistogram<double>("greenroom.catalog.pass.duration", unit: "ms", description: "Duration of a location pass");
        _meter.CreateObservableGauge("greenroom.catalog.stitch.queue", () => progress.StitchQueueDepth, description: "Refs waiting to be stitched");
        _meter.CreateObservableCounter("greenroom.catalog.entities.stitched", () => progress.EntitiesStitched, description: "Final entities written");
    }

    internal void RecordPass(int documents, int errors, TimeSpan duration)
    {
        _passes.Add(1);
        _entities.Add(documents);
        _errors.Add(errors);
        _passDuration.Record(duration.TotalMilliseconds);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
