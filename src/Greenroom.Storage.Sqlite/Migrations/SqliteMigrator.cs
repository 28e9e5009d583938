using System.Globalization;
using System.Text.RegularExpressions;
using Greenroom.Storage.Sqlite.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Greenroom.Storage.Sqlite.Migrations;

/// <summary>One numbered schema script.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded numbered scripts (<c>Migrations/NNNN_name.sql</c>) that a database has not seen yet, in order,
/// each in its own transaction together with its <c>schema_version</c> row, so a crash leaves either all of a
/// migration or none of it.
/// </summary>
internal static partial class SqliteMigrator
{
    private const string ResourcePrefix = "Greenroom.Storage.Sqlite.Migrations.";

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    /// <summary>Every migration this build knows, in version order.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } = Load();

    public static async Task<int> MigrateAsync(SqliteConnection connection, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var latest = All.Count == 0 ? 0 : All[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The catalog database is at schema version {current}, newer than this Greenroom build knows ({latest}). Use a newer Greenroom.");
        }

        // Each migration not recorded yet is applied, not only those above the highest: features number their scripts
        // independently (TechDocs took 0005 while 0003/0004 were taken elsewhere), so a database may have met a
        // higher number before a lower one.
        var applied = await AppliedVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
        {
            using var transaction = connection.BeginTransaction();
            // Re-read inside the write transaction: another process may have migrated meanwhile.
            if ((await AppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).Contains(migration.Version))
            {
                continue;
            }

            using (var script = connection.Command(migration.Sql, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var record = connection.Command(
                "INSERT INTO schema_version (version, name, applied_at) VALUES ($v, $n, $t)", transaction))
            {
                record.With("$v", migration.Version).With("$n", migration.Name).With("$t", SqliteValues.ToDb(time.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, migration.Version, migration.Name);
        }

        return latest;
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.Command("SELECT version FROM schema_version", transaction);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static List<SqliteMigration> Load()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = new List<SqliteMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration script {resource} is not named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SqliteMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migration scripts share version {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}");
            }
        }

        return migrations;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied catalog schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
