using System.Globalization;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite.Query;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
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
            // A full-text term usually leaves few matches: collecting and sorting them beats walking an index.
            var hasText = query.FullText is { } text && !string.IsNullOrWhiteSpace(text.Term);
            var broad = !hasText && await FilterEstimate.IsBroadAsync(connection, transaction, query.Filter, _broadFilterThreshold, cancellationToken).ConfigureAwait(false);

            List<QueryRow> rows;
            bool hasMore;
            if (broad && query.Order.Count == 1)
            {
                (rows, hasMore) = await new IndexOrderedPage(connection, transaction, query).ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (rows, hasMore) = await ReadGeneralPageAsync(connection, transaction, query, broad ? FilterMode.Probe : FilterMode.Set, cancellationToken)
                    .ConfigureAwait(false);
            }

            int? total = null;
            if (query.IncludeTotal)
            {
                using var command = EntityQuerySql.Count(query).ToCommand(connection, transaction);
                total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            return new EntityQueryResult(
                rows.Select(r => new StoredEntity(r.Ref, r.Uid, r.Json)).ToList(),
                rows.Select(r => (IReadOnlyList<string?>)r.SortValues).ToList(),
                total,
                hasMore);
        }, cancellationToken);
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
            var counts = new Dictionary<string, List<FacetCount>>(StringComparer.Ordinal);
            using (var command = sql.ToCommand(connection, transaction))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = reader.GetString(0);
                    if (!counts.TryGetValue(key, out var list))
                    {
                        counts[key] = list = [];
                    }

                    list.Add(new FacetCount(reader.GetString(1), reader.GetInt32(2)));
                }
            }

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
