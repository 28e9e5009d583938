using System.Globalization;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Query;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    // Entities a ref-ordered walk may probe for a full-text page before the matches are collected instead.
    private const int DenseWalkBudget = 5000;

    /// <inheritdoc />
    public Task<EntityQueryResult> QueryEntitiesAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is { } after && after.SortValues.Count != query.Order.Count)
        {
            throw new ArgumentException(
                $"The keyset position has {after.SortValues.Count} sort values but the query orders by {query.Order.Count} fields.", nameof(query));
        }

        return ReadAsync(async (connection, transaction) =>
        {
            var generation = await AggregateCache.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var estimate = new FilterEstimate(connection, transaction, _aggregates, generation, _broadFilterThreshold);

            // The total costs a pass over every match while a page can stop early: it is cached per data generation.
            var count = EntityQuerySql.Count(query);
            Task<int> TotalAsync() => _aggregates.GetOrAddAsync(count.CacheKey(), generation, async () =>
            {
                using var command = count.ToCommand(connection, transaction);
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            });

            // A full-text term usually leaves few matches: collecting and sorting them beats walking an index. But a
            // common term (a team or area name) matches thousands, and collecting them means testing every name and
            // title: when the (cached) total says a ref-ordered walk should fill the page within a few thousand
            // entities, walk (bounded) and probe instead.
            var hasText = query.FullText is { } text && !string.IsNullOrWhiteSpace(text.Term);
            var broad = !hasText && await estimate.IsBroadAsync(query.Filter, cancellationToken).ConfigureAwait(false);
            var walked = hasText && query.Order.Count == 0
                && await IsDenseAsync(connection, transaction, generation, query.Limit, TotalAsync, cancellationToken).ConfigureAwait(false)
                ? await new WalkedPage(connection, transaction, query, DenseWalkBudget).TryReadAsync(cancellationToken).ConfigureAwait(false)
                : null;

            List<QueryRow> rows;
            bool hasMore;
            if (walked is { } page)
            {
                (rows, hasMore) = page;
            }
            else if (broad && query.Order.Count == 0
                && await estimate.DrivingConditionAsync(query.Filter, cancellationToken).ConfigureAwait(false) is { } driving)
            {
                (rows, hasMore) = await new RefOrderedPage(connection, transaction, query, driving).ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (broad && query.Order.Count == 1)
            {
                (rows, hasMore) = await new IndexOrderedPage(connection, transaction, query).ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (rows, hasMore) = await ReadGeneralPageAsync(connection, transaction, query, broad ? FilterMode.Probe : FilterMode.Set, cancellationToken)
                    .ConfigureAwait(false);
            }

            int? total = query.IncludeTotal ? await TotalAsync().ConfigureAwait(false) : null;
            return new EntityQueryResult(
                rows.Select(r => new StoredEntity(r.Ref, r.Uid, r.Json)).ToList(),
                rows.Select(r => (IReadOnlyList<string?>)r.SortValues).ToList(),
                total,
                hasMore);
        }, cancellationToken);
    }

    /// <summary>
    /// Whether matches are dense enough that walking final entities in ref order finds a page of
    /// <paramref name="limit"/> within <see cref="DenseWalkBudget"/> entities (from the cached total).
    /// </summary>
    private async Task<bool> IsDenseAsync(
        SqliteConnection connection, SqliteTransaction transaction, long generation, int? limit, Func<Task<int>> total, CancellationToken cancellationToken)
    {
        if (limit is not { } pageSize)
        {
            return false;
        }

        var matches = await total().ConfigureAwait(false);
        if (matches == 0)
        {
            return false;
        }

        var entities = await _aggregates.GetOrAddAsync("final_entities count", generation, async () =>
        {
            using var command = connection.Command("SELECT COUNT(*) FROM final_entities", transaction);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }).ConfigureAwait(false);
        return ((long)pageSize + 1) * entities <= (long)DenseWalkBudget * matches;
    }

    private static async Task<(List<QueryRow> Rows, bool HasMore)> ReadGeneralPageAsync(
        SqliteConnection connection, SqliteTransaction transaction, EntityQuery query, FilterMode mode, CancellationToken cancellationToken)
    {
        var rows = new List<QueryRow>();
        using (var command = EntityQuerySql.Page(query, mode).ToCommand(connection, transaction))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var values = new string?[query.Order.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(3 + i) ? null : reader.GetString(3 + i);
                }

                rows.Add(new QueryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), values));
            }
        }

        var hasMore = query.Limit is { } limit && rows.Count > limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (query.After?.Backward == true)
        {
            rows.Reverse();
        }

        return (rows, hasMore);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> GetFacetsAsync(
        IReadOnlyList<string> facets, EntityFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facets);
        var sql = FacetSql.Build(facets, filter);
        return ReadAsync(async (connection, transaction) =>
        {
            // Facets count every matching search row: cached per data generation like match totals.
            var generation = await AggregateCache.ReadGenerationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var counts = await _aggregates.GetOrAddAsync(sql.CacheKey(), generation, async () =>
            {
                var computed = new Dictionary<string, List<FacetCount>>(StringComparer.Ordinal);
                using var command = sql.ToCommand(connection, transaction);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = reader.GetString(0);
                    if (!computed.TryGetValue(key, out var list))
                    {
                        computed[key] = list = [];
                    }

                    list.Add(new FacetCount(reader.GetString(1), reader.GetInt32(2)));
                }

                return computed;
            }).ConfigureAwait(false);

            // Keyed by the facet as asked (Backstage echoes the request's spelling), matched lower-cased.
            var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
            foreach (var facet in facets)
            {
                result[facet] = counts.TryGetValue(facet.ToLowerInvariant(), out var list)
                    ? list.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList()
                    : [];
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>)result;
        }, cancellationToken);
    }
}
