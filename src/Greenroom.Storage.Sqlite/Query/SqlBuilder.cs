using System.Text;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Query;

/// <summary>Composes SQL text with numbered parameters, so user input only ever reaches SQLite as bound values.</summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<object?> _values = [];
    private int _aliases;

    public SqlBuilder Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Appends a placeholder bound to <paramref name="value"/>.</summary>
    public SqlBuilder Value(object? value)
    {
        _values.Add(value);
        _text.Append("$v").Append(_values.Count);
        return this;
    }

    /// <summary>A table alias unique within this statement (filter subqueries nest inside each other's scope).</summary>
    public string NewAlias(string prefix) => prefix + _aliases++;

    public override string ToString() => _text.ToString();

    public SqliteCommand ToCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _text.ToString();
        for (var i = 0; i < _values.Count; i++)
        {
            command.Parameters.AddWithValue("$v" + (i + 1), _values[i] ?? DBNull.Value);
        }

        return command;
    }
}
