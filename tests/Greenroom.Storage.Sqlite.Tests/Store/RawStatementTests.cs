using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>The store's prepared-statement mechanism: binding, and rows read back from a statement.</summary>
public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RawStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Blobs_keep_empty_apart_from_null_and_re_bind_per_row()
    {
        using (var insert = new RawStatement(_connection, "INSERT INTO t (id, name, data) VALUES (?1, ?2, ?3)"))
        {
            insert.Integer(1, 1).Text(2, "a").Blob(3, [1, 2, 3]).Execute();
            insert.Integer(1, 2).Text(2, "").Blob(3, []).Execute();
            insert.Integer(1, 3).Text(2, null).Blob(3, null).Execute();
        }

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT id, name IS NULL, data IS NULL, length(data), hex(data) FROM t ORDER BY id";
        using var reader = read.ExecuteReader();
        var rows = new List<(long, long, long, object, object)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetValue(3), reader.GetValue(4)));
        }

        Assert.Equal([(1L, 0L, 0L, 3L, "010203"), (2L, 0L, 0L, 0L, ""), (3L, 1L, 1L, DBNull.Value, "")], rows);
    }

    [Fact]
    public void Execute_hands_over_the_rows_a_returning_clause_produces()
    {
        using (var insert = new RawStatement(_connection, "INSERT INTO t (id, name) VALUES (?1, ?2)"))
        {
            insert.Integer(1, 1).Text(2, "é-one").Execute();
            insert.Integer(1, 2).Text(2, null).Execute();
            insert.Integer(1, 3).Text(2, "three").Execute();
        }

        var seen = new List<(string?, string?)>();
        using var delete = new RawStatement(_connection, "DELETE FROM t WHERE id <= ?1 RETURNING name, id");
        var changed = delete.Integer(1, 2).Execute(row => seen.Add((row.ColumnText(0), row.ColumnText(1))));

        Assert.Equal(2, changed);
        Assert.Equal([("é-one", "1"), (null, "2")], seen.OrderBy(s => s.Item2));

        // Reset after the rows: the statement runs again with new values.
        seen.Clear();
        Assert.Equal(1, delete.Integer(1, 3).Execute(row => seen.Add((row.ColumnText(0), row.ColumnText(1)))));
        Assert.Equal([("three", "3")], seen);
    }

    [Fact]
    public void Reads_text_as_its_utf8_bytes_and_integers_from_the_current_row()
    {
        using (var insert = new RawStatement(_connection, "INSERT INTO t (id, name) VALUES (?1, ?2)"))
        {
            insert.Integer(1, 7).Text(2, "komponent:d\u00e9faut/\u00fcber").Execute();
            insert.Integer(1, 8).Text(2, "").Execute();
        }

        var rows = new List<(long, string)>();
        using var select = new RawStatement(_connection, "SELECT id, name FROM t ORDER BY id");
        select.Execute(row => rows.Add((row.ColumnInteger(0), System.Text.Encoding.UTF8.GetString(row.ColumnUtf8(1)))));

        Assert.Equal([(7L, "komponent:d\u00e9faut/\u00fcber"), (8L, "")], rows);
    }
}
