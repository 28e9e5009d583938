using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>
/// A prepared statement driven through SQLite's own API, the store's one mechanism for statements re-executed per row:
/// those a location pass runs per entity and relation, and a stitch per entity and filter row (millions in a cold
/// ingestion). A <see cref="SqliteCommand"/> execution looks up
/// every parameter by name, boxes its value and opens and disposes a data reader; here an execution is bind, step,
/// reset. It runs in whatever transaction the connection is in, like the commands beside it.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // The handles as SQLite's pointers, for the per-row calls (see SqliteNative); the SafeHandles keep them alive.
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _statementHandle;
    private byte[] _utf8 = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new InvalidOperationException($"Cannot prepare: {sql}");
        }

        _statement = statement;
        _dbHandle = _db.DangerousGetHandle();
        _statementHandle = statement.DangerousGetHandle();
    }

    /// <summary>Binds text (or NULL) to the 1-based parameter <paramref name="index"/>.</summary>
    /// <remarks>
    /// Encoded to UTF-8 here, into a buffer reused for every value (SQLite copies a bound value): .NET's encoder is
    /// several times faster than SQLite's conversion of UTF-16 text, and nothing is allocated per value.
    /// </remarks>
    public RawStatement Text(int index, string? value)
    {
        if (value is null)
        {
            Check(SqliteNative.BindNull(_statementHandle, index));
            return this;
        }

        if (value.Length == 0)
        {
            // An empty span would be bound as a null pointer, which SQLite reads as NULL rather than ''.
            Check(raw.sqlite3_bind_text(_statement, index, string.Empty));
            return this;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(SqliteNative.BindText(_statementHandle, index, ref _utf8[0], length, SqliteNative.Transient));
        return this;
    }

    /// <summary>Binds UTF-8 text already encoded (a final form kept as bytes) to the 1-based parameter <paramref name="index"/>.</summary>
    public RawStatement Utf8Text(int index, ReadOnlySpan<byte> value)
    {
        // An empty span would be bound as a null pointer, which SQLite reads as NULL rather than ''.
        Check(value.IsEmpty
            ? raw.sqlite3_bind_text(_statement, index, string.Empty)
            : SqliteNative.BindText(_statementHandle, index, ref MemoryMarshal.GetReference(value), value.Length, SqliteNative.Transient));
        return this;
    }

    /// <summary>Binds an integer to the 1-based parameter <paramref name="index"/>.</summary>
    public RawStatement Integer(int index, long value)
    {
        Check(SqliteNative.BindInt64(_statementHandle, index, value));
        return this;
    }

    /// <summary>Binds a blob (or NULL) to the 1-based parameter <paramref name="index"/>.</summary>
    public RawStatement Blob(int index, byte[]? value)
    {
        // Like text, an empty blob must not become a null pointer, which SQLite would store as NULL.
        Check(value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            { Length: 0 } => raw.sqlite3_bind_zeroblob(_statement, index, 0),
            _ => raw.sqlite3_bind_blob(_statement, index, value),
        });
        return this;
    }

    /// <summary>Runs the statement to completion; returns the rows it changed.</summary>
    public int Execute() => Execute(onRow: null);

    /// <summary>
    /// Runs the statement to completion, handing each row it returns (a query, or <c>RETURNING</c>) to
    /// <paramref name="onRow"/>, which reads it with <see cref="ColumnText"/>; returns the rows it changed.
    /// </summary>
    public int Execute(Action<RawStatement>? onRow)
    {
        try
        {
            int rc;
            while ((rc = SqliteNative.Step(_statementHandle)) == raw.SQLITE_ROW)
            {
                onRow?.Invoke(this);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return SqliteNative.Changes(_dbHandle);
        }
        finally
        {
            SqliteNative.Reset(_statementHandle);
        }
    }

    /// <summary>
    /// Runs an insert or upsert to completion; returns whether it inserted a row. An insert moves the connection's last
    /// rowid and an upsert that updates does not; an insert that happens to reuse the last rowid reads as not inserted.
    /// </summary>
    public bool ExecuteInserted()
    {
        var lastRowid = SqliteNative.LastInsertRowid(_dbHandle);
        Execute();
        return SqliteNative.LastInsertRowid(_dbHandle) != lastRowid;
    }

    /// <summary>Runs a query; returns whether it produced a row.</summary>
    public bool Exists()
    {
        try
        {
            var rc = SqliteNative.Step(_statementHandle);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return rc == raw.SQLITE_ROW;
        }
        finally
        {
            SqliteNative.Reset(_statementHandle);
        }
    }

    /// <summary>The text of the 0-based column <paramref name="index"/> of the current row (null for NULL).</summary>
    public string? ColumnText(int index) =>
        raw.sqlite3_column_type(_statement, index) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, index).utf8_to_string();

    /// <summary>
    /// The UTF-8 bytes of the text in the 0-based column <paramref name="index"/> of the current row, without a string;
    /// valid until the statement steps again.
    /// </summary>
    public ReadOnlySpan<byte> ColumnUtf8(int index) => raw.sqlite3_column_blob(_statement, index);

    /// <summary>The integer in the 0-based column <paramref name="index"/> of the current row.</summary>
    public long ColumnInteger(int index) => raw.sqlite3_column_int64(_statement, index);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
