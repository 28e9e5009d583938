using Greenroom.Catalog.Locations;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    private const string LocationColumns =
        "id, type, target, origin, created_at, state, last_refresh_at, entity_count, errors_json";

    /// <inheritdoc />
    public Task<LocationRecord> AddLocationAsync(LocationSpec location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        return WriteAsync(async (connection, transaction) =>
        {
            var existing = await FindLocationAsync(connection, transaction, location.Type, location.Target, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                throw new LocationConflictException(existing);
            }

            var record = new LocationRecord(Guid.NewGuid(), location.Type, location.Target, location.Origin, _time.GetUtcNow(), LocationStatus.Pending);
            using var insert = connection.Command(
                $"INSERT INTO locations ({LocationColumns}) VALUES ($id, $type, $target, $origin, $created, $state, NULL, 0, $errors)", transaction);
            insert.With("$id", SqliteValues.ToDb(record.Id)).With("$type", record.Type).With("$target", record.Target)
                .With("$origin", record.Origin.ToString()).With("$created", SqliteValues.ToDb(record.CreatedAt))
                .With("$state", record.Status.State).With("$errors", record.Status.ErrorsJson);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return record;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LocationRecord?> GetLocationAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {LocationColumns} FROM locations WHERE id = $id", transaction)
                .With("$id", SqliteValues.ToDb(id));
            return (await ReadLocationsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<LocationRecord?> FindLocationAsync(string type, string target, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => FindLocationAsync(connection, transaction, type, target, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LocationRecord>> ListLocationsAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {LocationColumns} FROM locations ORDER BY created_at, rowid", transaction);
            return (IReadOnlyList<LocationRecord>)await ReadLocationsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task UpdateLocationStatusAsync(Guid id, LocationStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "UPDATE locations SET state = $state, last_refresh_at = $at, entity_count = $count, errors_json = $errors WHERE id = $id",
                transaction);
            command.With("$state", status.State)
                .With("$at", status.LastRefreshAt is { } at ? SqliteValues.ToDb(at) : null)
                .With("$count", status.EntityCount).With("$errors", status.ErrorsJson).With("$id", SqliteValues.ToDb(id));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static async Task<LocationRecord?> FindLocationAsync(
        SqliteConnection connection, SqliteTransaction transaction, string type, string target, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {LocationColumns} FROM locations WHERE type = $type AND target = $target", transaction)
            .With("$type", type).With("$target", target);
        return (await ReadLocationsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<List<LocationRecord>> ReadLocationsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<LocationRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var status = new LocationStatus(
                reader.GetString(5),
                reader.IsDBNull(6) ? null : SqliteValues.ToTime(reader.GetInt64(6)),
                reader.GetInt32(7),
                reader.GetString(8));
            list.Add(new LocationRecord(
                SqliteValues.ToGuid(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                Enum.Parse<LocationOrigin>(reader.GetString(3)),
                SqliteValues.ToTime(reader.GetInt64(4)),
                status));
        }

        return list;
    }
}
