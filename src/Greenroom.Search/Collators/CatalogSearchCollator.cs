using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Microsoft.Extensions.Logging;

namespace Greenroom.Search.Collators;

/// <summary>
/// <c>software-catalog</c>: one document per entity, as Backstage's catalog collator makes it (title, description as
/// text, kind, type, lifecycle, owner, namespace) plus name and tags, leading to the entity's page.
/// </summary>
internal sealed class CatalogSearchCollator(ICatalogReader reader, ILogger<CatalogSearchCollator> logger) : EntityCollator(reader, logger)
{
    public const string DocumentType = "software-catalog";

    public override string Type => DocumentType;

    protected override string? Kind => null;

    protected override SearchDocument ToDocument(CatalogEntity entity, EntitySummary summary)
    {
        var fields = summary.CommonFields();

        // Backstage names the spec type componentType too; clients written against it read either.
        fields["componentType"] = summary.SpecType ?? string.Empty;
        var text = string.Join(' ', new[] { summary.Description, summary.DisplayName, summary.Email }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(Type, entity.EntityRef, entity.EntityRef, summary.Title ?? summary.Name, text, summary.CatalogLocation, fields);
    }
}
