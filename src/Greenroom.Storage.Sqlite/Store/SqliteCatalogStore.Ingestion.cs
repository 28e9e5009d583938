using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Store;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(Guid locationId, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command("SELECT ref, content_hash FROM entities WHERE location_id = $loc", transaction)
                .With("$loc", SqliteValues.ToDb(locationId));
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hashes[reader.GetString(0)] = reader.GetString(1);
            }

            return (IReadOnlyDictionary<string, string>)hashes;
        }, cancellationToken);

    /// <inheritdoc />
    public bool SupportsChunkedIngestion => true;

    /// <inheritdoc />
    public Task<IngestionOutcome> ApplyIngestionAsync(IngestionBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ApplyAndEnqueueAsync(batch, writer => writer.ApplyAsync(cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IngestionOutcome> ApplyIngestionChunkAsync(IngestionBatch chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return ApplyAndEnqueueAsync(chunk, writer => writer.ApplyChunkAsync(cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IngestionOutcome> CompleteIngestionPassAsync(IngestionPassEnd pass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var batch = new IngestionBatch(pass.LocationId, [], pass.KeepSources, pass.Now);
        return ApplyAndEnqueueAsync(batch, writer => writer.CompletePassAsync(pass.ProducedRefs, cancellationToken), cancellationToken);
    }

    private Task<IngestionOutcome> ApplyAndEnqueueAsync(
        IngestionBatch batch, Func<IngestionWriter, Task<IngestionOutcome>> apply, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var outcome = await apply(new IngestionWriter(connection, transaction, batch, _writerCache)).ConfigureAwait(false);
            if (outcome.RefsToStitch.Count > 0)
            {
                await EnqueueAsync(connection, transaction, outcome.RefsToStitch, cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }, cancellationToken);
}
