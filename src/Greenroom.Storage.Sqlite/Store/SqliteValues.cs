using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.Store;

/// <summary>How .NET values are written to and read from columns, in one place so every query agrees.</summary>
internal static class SqliteValues
{
    /// <summary>Times are stored as UTC ticks: exact, sortable, and free of text-format ambiguity.</summary>
    public static long ToDb(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);

    public static string ToDb(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    public static Guid ToGuid(string value) => Guid.Parse(value, CultureInfo.InvariantCulture);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Declares a parameter once so a prepared statement can be re-executed with new values per row.</summary>
    public static SqliteParameter Param(this SqliteCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static void Set(this SqliteParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    /// <summary>A statement to re-execute per row, with positional parameters <c>$p1</c>…<c>$pN</c> declared once.</summary>
    public static SqliteCommand Prepared(this SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.Command(sql, transaction);
        for (var i = 1; i <= parameters; i++)
        {
            command.Param("$p" + i);
        }

        return command;
    }

    /// <summary>Sets the positional parameters of a <see cref="Prepared"/> statement, in order.</summary>
    public static void Bind(this SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Set(values[i]);
        }
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
