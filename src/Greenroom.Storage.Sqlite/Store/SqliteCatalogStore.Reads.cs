using Greenroom.Catalog.History;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<StoredEntity?> GetEntityByRefAsync(string entityRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityRef);
        return ReadAsync((connection, transaction) => ReadSingleAsync(
            connection.Command("SELECT ref, uid, final_json FROM final_entities WHERE ref = $ref", transaction)
                .With("$ref", entityRef.ToLowerInvariant()), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredEntity?> GetEntityByUidAsync(string uid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return ReadAsync((connection, transaction) => ReadSingleAsync(
            connection.Command("SELECT ref, uid, final_json FROM final_entities WHERE uid = $uid", transaction)
                .With("$uid", uid), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEntity?>> GetEntitiesByRefsAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refs);
        if (refs.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StoredEntity?>>([]);
        }

        return ReadAsync(async (connection, transaction) =>
        {
            var lowered = refs.Select(r => r.ToLowerInvariant()).ToList();
            var found = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
            using var command = connection.Command(
                "SELECT f.ref, f.uid, f.final_json FROM final_entities f WHERE f.ref IN (SELECT value FROM json_each($refs))", transaction)
                .With("$refs", JsonArray(lowered.Distinct(StringComparer.Ordinal)));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entity = new StoredEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                found[entity.EntityRef] = entity;
            }

            return (IReadOnlyList<StoredEntity?>)lowered.Select(r => found.GetValueOrDefault(r)).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEntity>> GetEntitiesWithErrorsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(async (connection, transaction) =>
        {
            // The same test of errors_json as GetCountsAsync, so the list and the count agree; the first term lets SQLite
            // read the partial index of entities with errors instead of every entity row.
            using var command = connection.Command(
                "SELECT f.ref, f.uid, f.final_json FROM entities e JOIN final_entities f ON f.ref = e.ref " +
                "WHERE e.errors_json <> '[]' AND CASE WHEN json_valid(e.errors_json) THEN json_array_length(e.errors_json) > 0 ELSE 1 END " +
                "ORDER BY e.ref LIMIT $limit", transaction)
                .With("$limit", limit);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entities = new List<StoredEntity>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entities.Add(new StoredEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            return (IReadOnlyList<StoredEntity>)entities;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EntityHistoryEntry>> GetHistoryAsync(string uid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "SELECT seq, uid, entity_ref, at, location_id, change, diff_json FROM entity_history WHERE uid = $uid ORDER BY seq DESC",
                transaction).With("$uid", uid);
            var entries = new List<EntityHistoryEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new EntityHistoryEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    SqliteValues.ToTime(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : SqliteValues.ToGuid(reader.GetString(4)),
                    reader.GetString(5),
                    reader.GetString(6)));
            }

            return (IReadOnlyList<EntityHistoryEntry>)entries;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CatalogCounts> GetCountsAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "SELECT (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM entities WHERE is_orphan = 1), " +
                "(SELECT COUNT(*) FROM entities WHERE errors_json <> '[]' AND CASE WHEN json_valid(errors_json) THEN json_array_length(errors_json) > 0 ELSE 1 END), " +
                "(SELECT COUNT(*) FROM relations), " +
                "(SELECT COUNT(*) FROM locations)", transaction);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new CatalogCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        }, cancellationToken);

    private static async Task<StoredEntity?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using (command)
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredEntity(reader.GetString(0), reader.GetString(1), reader.GetString(2))
                : null;
        }
    }
}
