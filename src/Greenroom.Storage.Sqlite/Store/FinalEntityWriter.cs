using Greenroom.Catalog.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>Writes stitched entities, their search rows and history inside the caller's write transaction.</summary>
/// <remarks>
/// A cold ingestion runs about 30 of these statements per entity, so they are <see cref="RawStatement"/>s: prepared
/// once per batch and executed without the per-execution cost of a command.
/// </remarks>
internal sealed class FinalEntityWriter : IDisposable
{
    private readonly RawStatement _exists;
    private readonly RawStatement _upsert;
    private readonly RawStatement _clearSearch;
    private readonly RawStatement _insertSearch;
    private readonly RawStatement _history;
    private readonly RawStatement _dropFinal;
    private readonly RawStatement _dequeue;
    private readonly RawStatement _dequeueIfTicket;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the entity read for stitching still exists. A uid is given to one row when it is inserted and neither it
    /// nor the row's ref ever changes, so the uid alone says so, from the uid index: checking the ref too read the
    /// entity's row, a random page of the largest table for every entity stitched.
    /// </summary>
    internal const string ExistsSql = "SELECT 1 FROM entities WHERE uid = ?1";

    public FinalEntityWriter(SqliteConnection connection)
    {
        _exists = new RawStatement(connection, ExistsSql);
        _upsert = new RawStatement(connection,
            "INSERT INTO final_entities (ref, uid, final_json, final_hash, stitched_at) VALUES (?1, ?2, ?3, ?4, ?5) " +
            "ON CONFLICT (ref) DO UPDATE SET uid = excluded.uid, final_json = excluded.final_json, " +
            "final_hash = excluded.final_hash, stitched_at = excluded.stitched_at");
        _clearSearch = new RawStatement(connection, "DELETE FROM search WHERE entity_ref = ?1");
        // One prepared insert per row: measured over twice as fast as inserting the entity's rows as one JSON array
        // through json_each, which is slow into an indexed table.
        _insertSearch = new RawStatement(connection,
            "INSERT INTO search (entity_ref, key, seq, value, original_value) VALUES (?1, ?2, ?3, ?4, ?5)");
        _history = new RawStatement(connection,
            "INSERT INTO entity_history (uid, entity_ref, at, location_id, change, diff_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        // A ref stitched after its entity went away loses its final form (its search rows follow by trigger).
        _dropFinal = new RawStatement(connection,
            "DELETE FROM final_entities WHERE ref = ?1 AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.ref = ?1)");
        _dequeue = new RawStatement(connection, "DELETE FROM stitch_queue WHERE ref = ?1");
        _dequeueIfTicket = new RawStatement(connection, "DELETE FROM stitch_queue WHERE ref = ?1 AND ticket <= ?2");
    }

    /// <summary>Whether anything a query can see changed (a final form written or dropped).</summary>
    public bool Changed { get; private set; }

    public void Write(FinalEntity entity)
    {
        // The entity may have been deleted (or deleted and re-created with a new uid) since it was read for
        // stitching: then this final form is stale and is dropped; the newer change is queued already.
        if (!_exists.Text(1, entity.Uid).Exists())
        {
            return;
        }

        // A final form inserted just now has no filter rows to clear (they go with their final form, by trigger): in a
        // cold stitch that is every entity. An insert taken for an update only clears nothing.
        var inserted = _upsert.Text(1, entity.EntityRef).Text(2, entity.Uid).Utf8Text(3, entity.FinalUtf8.Span).Text(4, entity.FinalHash)
            .Integer(5, SqliteValues.ToDb(entity.History.At)).ExecuteInserted();
        Changed = true;
        _written.Add(entity.EntityRef);

        if (!inserted)
        {
            _clearSearch.Text(1, entity.EntityRef).Execute();
        }

        WriteSearchRows(entity);

        var history = entity.History;
        _history.Text(1, entity.Uid).Text(2, entity.EntityRef).Integer(3, SqliteValues.ToDb(history.At))
            .Text(4, history.LocationId is { } location ? SqliteValues.ToDb(location) : null)
            .Text(5, history.Change).Text(6, history.DiffJson).Execute();
    }

    /// <summary>
    /// seq numbers the entity's rows in the order given (the table's key is entity, key, seq); identical rows are
    /// stored once. The original value is kept only where it differs from the lower-cased one (see migration 0003).
    /// Rows go in in key order, so each lands just after the previous one in the table's B-tree.
    /// </summary>
    private void WriteSearchRows(FinalEntity entity)
    {
        var rows = new (SearchRow Row, int Seq)[entity.SearchRows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (entity.SearchRows[i], i);
        }

        Array.Sort(rows, ByKeyThenSeq);
        if (HasDuplicates(rows))
        {
            rows = Distinct(entity.SearchRows);
        }

        // A reset keeps the bindings: the entity's ref is bound once for all its rows.
        _insertSearch.Text(1, entity.EntityRef);
        foreach (var (row, seq) in rows)
        {
            var original = string.Equals(row.OriginalValue, row.Value, StringComparison.Ordinal) ? null : row.OriginalValue;
            _insertSearch.Text(2, row.Key).Integer(3, seq).Text(4, row.Value).Text(5, original).Execute();
        }
    }

    /// <summary>
    /// Whether rows sorted by key repeat a row. Identical rows share a key, so only rows of one key are compared, and
    /// most keys have one row: the stitcher never repeats a row, and this spares hashing every row to show it.
    /// </summary>
    private static bool HasDuplicates((SearchRow Row, int Seq)[] sorted)
    {
        var runStart = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && string.Equals(sorted[i].Row.Key, sorted[runStart].Row.Key, StringComparison.Ordinal))
            {
                continue;
            }

            if (RepeatsARow(sorted.AsSpan(runStart, i - runStart)))
            {
                return true;
            }

            runStart = i;
        }

        return false;
    }

    private static bool RepeatsARow(ReadOnlySpan<(SearchRow Row, int Seq)> run)
    {
        if (run.Length > 8)
        {
            var seen = new HashSet<SearchRow>(run.Length);
            foreach (var (row, _) in run)
            {
                if (!seen.Add(row))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 1; i < run.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (run[i].Row == run[j].Row)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int ByKeyThenSeq((SearchRow Row, int Seq) a, (SearchRow Row, int Seq) b)
    {
        var byKey = string.CompareOrdinal(a.Row.Key, b.Row.Key);
        return byKey != 0 ? byKey : a.Seq.CompareTo(b.Seq);
    }

    /// <summary>The first of each set of identical rows, seq numbered in the order given, sorted by key then seq.</summary>
    private static (SearchRow Row, int Seq)[] Distinct(IReadOnlyList<SearchRow> searchRows)
    {
        var seen = new HashSet<SearchRow>(searchRows.Count);
        var rows = new List<(SearchRow Row, int Seq)>(searchRows.Count);
        foreach (var row in searchRows)
        {
            if (seen.Add(row))
            {
                rows.Add((row, rows.Count));
            }
        }

        rows.Sort(ByKeyThenSeq);
        return [.. rows];
    }

    /// <summary>Marks <paramref name="entityRef"/> stitched: drops a final form without entity and dequeues it.</summary>
    public void Finish(string entityRef, long? ticketSeen)
    {
        // A final form written by this writer has its entity (checked in the same transaction): nothing to drop.
        if (!_written.Contains(entityRef) && _dropFinal.Text(1, entityRef).Execute() > 0)
        {
            Changed = true;
        }

        if (ticketSeen is { } ticket)
        {
            _dequeueIfTicket.Text(1, entityRef).Integer(2, ticket).Execute();
        }
        else
        {
            _dequeue.Text(1, entityRef).Execute();
        }
    }

    public void Dispose()
    {
        _exists.Dispose();
        _upsert.Dispose();
        _clearSearch.Dispose();
        _insertSearch.Dispose();
        _history.Dispose();
        _dropFinal.Dispose();
        _dequeue.Dispose();
        _dequeueIfTicket.Dispose();
    }
}
