using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;
using Microsoft.Extensions.Logging;

namespace Greenroom.Search.Collators;

/// <summary><c>software-templates</c>: one document per Template entity, leading to its form at <c>/create/templates/{namespace}/{name}</c>.</summary>
internal sealed class TemplateSearchCollator(ICatalogReader reader, ILogger<TemplateSearchCollator> logger) : EntityCollator(reader, logger)
{
    public const string DocumentType = "software-templates";

    public override string Type => DocumentType;

    protected override string Kind => "Template";

    protected override SearchDocument ToDocument(CatalogEntity entity, EntitySummary summary)
    {
        var location = $"/create/templates/{Uri.EscapeDataString(summary.Namespace.ToLowerInvariant())}/{Uri.EscapeDataString(summary.Name)}";
        return new SearchDocument(Type, entity.EntityRef, entity.EntityRef, summary.Title ?? summary.Name, summary.Description ?? string.Empty, location, summary.CommonFields());
    }
}
