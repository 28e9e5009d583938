using System.Text.Json;
using Greenroom.Storage.Sqlite.Store;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Storage;
using Microsoft.Data.Sqlite;

namespace Greenroom.Storage.Sqlite.TechDocs;

/// <summary>
/// <see cref="ITechDocsStore"/> in the catalog's SQLite file, sharing its single writer and reader pool (one file,
/// one writer queue). A site is replaced in one transaction, so readers see the old site or the new one.
/// </summary>
public sealed class SqliteTechDocsStore(SqliteCatalogStore database) : ITechDocsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SiteColumns = "entity_ref, site_name, site_description, nav_json, source, content_hash, built_at, page_count";
    private const string PageColumns = "path, source_file, title, html, toc_json, text";
    private const string StatusColumns = "entity_ref, state, source, content_hash, checked_at, built_at, problems_json";

    /// <inheritdoc />
    public Task SaveSiteAsync(DocsSite site, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await DeleteSiteRowsAsync(connection, transaction, site.EntityRef, cancellationToken).ConfigureAwait(false);
            using (var insert = connection.Command(
                $"INSERT INTO techdocs_sites ({SiteColumns}) VALUES ($ref, $name, $description, $nav, $source, $hash, $built, $pages)", transaction))
            {
                insert.With("$ref", site.EntityRef).With("$name", site.SiteName).With("$description", site.SiteDescription)
                    .With("$nav", JsonSerializer.Serialize(site.Nav, Json)).With("$source", site.Source).With("$hash", site.ContentHash)
                    .With("$built", SqliteValues.ToDb(site.BuiltAt)).With("$pages", site.Pages.Count);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var page = new RawStatement(connection, $"INSERT INTO techdocs_pages (entity_ref, {PageColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
            {
                foreach (var p in site.Pages)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    page.Text(1, site.EntityRef).Text(2, p.Path).Text(3, p.SourceFile).Text(4, p.Title).Text(5, p.Html)
                        .Text(6, JsonSerializer.Serialize(p.Toc, Json)).Text(7, p.Text).Execute();
                }
            }

            using (var asset = new RawStatement(connection, "INSERT INTO techdocs_assets (entity_ref, path, content_type, content) VALUES (?1, ?2, ?3, ?4)"))
            {
                foreach (var a in site.Assets)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    asset.Text(1, site.EntityRef).Text(2, a.Path).Text(3, a.ContentType).Blob(4, a.Content).Execute();
                }
            }

            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<DocsSiteInfo?> GetSiteAsync(string entityRef, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {SiteColumns} FROM techdocs_sites WHERE entity_ref = $ref", transaction).With("$ref", entityRef);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSite(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DocsSiteInfo>> ListSitesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {SiteColumns} FROM techdocs_sites ORDER BY entity_ref", transaction);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var sites = new List<DocsSiteInfo>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sites.Add(ReadSite(reader));
            }

            return (IReadOnlyList<DocsSiteInfo>)sites;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<DocsPage?> GetPageAsync(string entityRef, string path, CancellationToken cancellationToken) =>
        (await ReadPagesAsync("entity_ref = $ref AND path = $path", entityRef, path, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocsPage>> GetPagesAsync(string entityRef, CancellationToken cancellationToken) =>
        await ReadPagesAsync("entity_ref = $ref", entityRef, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<DocsAsset?> GetAssetAsync(string entityRef, string path, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                "SELECT content_type, content FROM techdocs_assets WHERE entity_ref = $ref AND path = $path", transaction)
                .With("$ref", entityRef).With("$path", path);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new DocsAsset(path, reader.GetString(0), (byte[])reader.GetValue(1))
                : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string entityRef, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var removed = await DeleteSiteRowsAsync(connection, transaction, entityRef, cancellationToken).ConfigureAwait(false);
            using var status = connection.Command("DELETE FROM techdocs_status WHERE entity_ref = $ref", transaction).With("$ref", entityRef);
            return await status.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) + removed > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetStatusAsync(DocsBuildStatus status, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                $"INSERT OR REPLACE INTO techdocs_status ({StatusColumns}) VALUES ($ref, $state, $source, $hash, $checked, $built, $problems)", transaction)
                .With("$ref", status.EntityRef).With("$state", status.State).With("$source", status.Source).With("$hash", status.ContentHash)
                .With("$checked", SqliteValues.ToDb(status.CheckedAt)).With("$built", status.BuiltAt is { } b ? SqliteValues.ToDb(b) : null)
                .With("$problems", JsonSerializer.Serialize(status.Problems, Json));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<DocsBuildStatus?> GetStatusAsync(string entityRef, CancellationToken cancellationToken) =>
        (await ReadStatusesAsync(entityRef, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<DocsBuildStatus>> ListStatusesAsync(CancellationToken cancellationToken) =>
        ReadStatusesAsync(null, cancellationToken);

    private Task<IReadOnlyList<DocsBuildStatus>> ReadStatusesAsync(string? entityRef, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(
                $"SELECT {StatusColumns} FROM techdocs_status WHERE $ref IS NULL OR entity_ref = $ref ORDER BY entity_ref", transaction).With("$ref", entityRef);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var statuses = new List<DocsBuildStatus>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                statuses.Add(new DocsBuildStatus(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.NullableString(2),
                    reader.NullableString(3),
                    SqliteValues.ToTime(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : SqliteValues.ToTime(reader.GetInt64(5)),
                    JsonSerializer.Deserialize<List<DocsProblem>>(reader.GetString(6), Json) ?? []));
            }

            return (IReadOnlyList<DocsBuildStatus>)statuses;
        }, cancellationToken);

    private Task<IReadOnlyList<DocsPage>> ReadPagesAsync(string where, string entityRef, string? path, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, transaction) =>
        {
            using var command = connection.Command($"SELECT {PageColumns} FROM techdocs_pages WHERE {where} ORDER BY path", transaction)
                .With("$ref", entityRef).With("$path", path);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var pages = new List<DocsPage>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pages.Add(new DocsPage(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    JsonSerializer.Deserialize<List<TocEntry>>(reader.GetString(4), Json) ?? [],
                    reader.GetString(5)));
            }

            return (IReadOnlyList<DocsPage>)pages;
        }, cancellationToken);

    private static DocsSiteInfo ReadSite(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.NullableString(2),
        JsonSerializer.Deserialize<List<SiteNavItem>>(reader.GetString(3), Json) ?? [],
        reader.GetString(4),
        reader.GetString(5),
        SqliteValues.ToTime(reader.GetInt64(6)),
        reader.GetInt32(7));

    private static async Task<int> DeleteSiteRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string entityRef, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var table in new[] { "techdocs_pages", "techdocs_assets", "techdocs_sites" })
        {
            using var command = connection.Command($"DELETE FROM {table} WHERE entity_ref = $ref", transaction).With("$ref", entityRef);
            removed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
