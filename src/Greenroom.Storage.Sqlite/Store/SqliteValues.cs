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

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
