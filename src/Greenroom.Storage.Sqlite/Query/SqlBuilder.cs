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

    /// <summary>The statement and its bound values as one string: equal keys mean the same result on the same data.</summary>
    public string CacheKey()
    {
        var key = new StringBuilder(_text.Length + (_values.Count * 16)).Append(_text);
        foreach (var value in _values)
        {
            // Length-prefixed, so no value can imitate a separator.
            var text = value switch
            {
                null => "n",
                string s => "s" + s,
                IFormattable f => "f" + f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => "o" + value,
            };
            key.Append('\u001f').Append(text.Length).Append(':').Append(text);
        }

        return key.ToString();
    }

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
