using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Query;
using Greenroom.Storage.Sqlite.Store;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetStitchQueueAsync(int max, CancellationToken cancellationToken) =>
        GetStitchQueueAsync(max, after: null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetStitchQueueAsync(int max, string? after, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            var refs = new List<string>();
            await ReadQueueAsync("SELECT ref FROM stitch_queue WHERE ref > $after ORDER BY ref LIMIT $max", after ?? string.Empty).ConfigureAwait(false);
            if (after is not null && refs.Count < max)
            {
                // Wrap around: the refs at or before the cursor, queued earlier or since.
                await ReadQueueAsync("SELECT ref FROM stitch_queue WHERE ref <= $after ORDER BY ref LIMIT $max", after).ConfigureAwait(false);
            }

            return (IReadOnlyList<string>)refs;

            async Task ReadQueueAsync(string sql, string cursor)
            {
                using var command = connection.Command(sql, transaction).With("$after", cursor).With("$max", Math.Max(0, max - refs.Count));
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    refs.Add(reader.GetString(0));
                }
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StitchSource>> GetStitchSourcesAsync(IReadOnlyCollection<string> refs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refs);
        var requested = refs.Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StitchSource>>([]);
        }

        return ReadAsync(async (connection, transaction) =>
        {
            var json = JsonArray(requested);

            // Remember each ref's queue ticket as of this snapshot (see _stitchTickets).
            using (var tickets = connection.Command(
                "SELECT q.ref, q.ticket FROM json_each($refs) j JOIN stitch_queue q ON q.ref = j.value", transaction).With("$refs", json))
            using (var reader = await tickets.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                var queued = new Dictionary<string, long>(StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    queued[reader.GetString(0)] = reader.GetInt64(1);
                }

                // A ref not queued now counts as ticket 0: if it gets queued while being stitched, it stays queued.
                foreach (var entityRef in requested)
                {
                    _stitchTickets[entityRef] = queued.GetValueOrDefault(entityRef);
                }
            }

            var relations = new Dictionary<string, List<EntityRelation>>(StringComparer.Ordinal);
            using (var command = connection.Command(
                "SELECT DISTINCT r.source_ref, r.type, r.target_ref FROM json_each($refs) j JOIN relations r ON r.source_ref = j.value " +
                "ORDER BY r.source_ref, r.type, r.target_ref", transaction).With("$refs", json))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var source = reader.GetString(0);
                    if (!relations.TryGetValue(source, out var list))
                    {
                        relations[source] = list = [];
                    }

                    list.Add(new EntityRelation(source, reader.GetString(1), reader.GetString(2)));
                }
            }

            // Each row goes to its ref's place in the request (j.key): an ORDER BY would sort the rows, processed JSON
            // and all, through a temporary B-tree.
            var slots = new StitchSource?[requested.Count];
            using (var command = connection.Command(
                "SELECT e.ref, e.uid, e.location_id, e.processed_json, e.errors_json, e.is_orphan, f.final_json, f.final_hash, j.key " +
                "FROM json_each($refs) j JOIN entities e ON e.ref = j.value LEFT JOIN final_entities f ON f.ref = e.ref",
                transaction).With("$refs", json))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var entityRef = reader.GetString(0);
                    slots[reader.GetInt32(8)] = new StitchSource(
                        entityRef,
                        reader.GetString(1),
                        SqliteValues.ToGuid(reader.GetString(2)),
                        // The stored UTF-8 as it is: stitching parses bytes, a string would be decoded and encoded again.
                        reader.GetFieldValue<byte[]>(3),
                        reader.GetString(4),
                        reader.GetInt64(5) != 0,
                        relations.TryGetValue(entityRef, out var list) ? list : [],
                        reader.NullableString(6),
                        reader.NullableString(7));
                }
            }

            var sources = new List<StitchSource>(requested.Count);
            foreach (var source in slots)
            {
                if (source is not null)
                {
                    sources.Add(source);
                }
            }

            return (IReadOnlyList<StitchSource>)sources;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteFinalEntitiesAsync(
        IReadOnlyList<FinalEntity> entities, IReadOnlyCollection<string> stitchedRefs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(stitchedRefs);
        var used = new List<KeyValuePair<string, long>>();
        await WriteAsync(async (connection, transaction) =>
        {
            using var writer = new FinalEntityWriter(connection);
            foreach (var entity in entities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(entity);
            }

            foreach (var entityRef in stitchedRefs.Distinct(StringComparer.Ordinal))
            {
                long? ticket = null;
                if (_stitchTickets.TryGetValue(entityRef, out var seen))
                {
                    ticket = seen;
                    used.Add(new(entityRef, seen));
                }

                writer.Finish(entityRef, ticket);
            }

            if (writer.Changed)
            {
                await AggregateCache.BumpGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            return used.Count;
        }, cancellationToken).ConfigureAwait(false);

        // Forget the tickets only once the dequeue is committed (a failed write keeps them for the retry), and only
        // if no later read replaced them.
        foreach (var pair in used)
        {
            _stitchTickets.TryRemove(pair);
        }
    }
}
